/** Stable codes of document errors; the platform maps them to its AppError. */
export type DocumentErrorCode =
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_UNREADABLE'
  | 'DOCUMENT_UNSUPPORTED'
  | 'DOCUMENT_TOO_LONG'
  | 'DOCUMENT_INVALID_MODEL'
  | 'PDF_CONVERTER_MISSING'
  | 'PDF_CONVERSION_FAILED';

/** An error about a document the user gave, with a stable code and a Vietnamese message. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
