import { Tag } from 'antd';
import {
  type PublicCommentStatus,
  type PublicNoticeStatus,
  publicCommentStatusLabels,
  publicNoticeStatusLabels,
} from '../../../../contracts/public-notice.ts';

const noticeColours: Record<PublicNoticeStatus, string> = {
  scheduled: 'default',
  open: 'processing',
  ended: 'success',
  withdrawn: 'error',
};
const commentColours: Record<PublicCommentStatus, string> = {
  pending: 'warning',
  published: 'success',
  hidden: 'default',
};

/** A notice's state as a coloured tag. */
export const NoticeStatusTag = ({ status }: { status: PublicNoticeStatus }) => (
  <Tag color={noticeColours[status]}>{publicNoticeStatusLabels[status]}</Tag>
);

/** A comment's moderation state as a coloured tag. */
export const CommentStatusTag = ({ status }: { status: PublicCommentStatus }) => (
  <Tag color={commentColours[status]}>{publicCommentStatusLabels[status]}</Tag>
);
