export { AppraisalPage } from './appraisal/appraisal-page.tsx';
export { CreateNominationModal, type PickedCandidate } from './create-nomination-modal.tsx';
export { NominationPage } from './nomination-page.tsx';
export { RoundPage } from './round-page.tsx';
export { RoundsPage } from './rounds-page.tsx';
