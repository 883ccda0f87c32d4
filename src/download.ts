/** A file for the person to keep (an export, a piece of evidence): always saved, never shown inline. */
export interface Download {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
