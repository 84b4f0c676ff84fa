import type { MessageKey } from './translate';

type Rule = [pattern: RegExp, key: MessageKey, params?: (m: RegExpMatchArray) => Record<string, string>];

/** The document upload's field messages (src-main/modules/documents/documents.files.ts), word for word. */
export const DOCUMENT_FIELD_RULES: readonly Rule[] = [
  [/^is empty$/, 'documents.error.empty'],
  [
    /^is ([\d.]+) MB; the limit is (\d+) MB$/,
    'documents.error.tooLarge',
    (m) => ({ size: m[1]!, limit: m[2]! }),
  ],
  [/^is (\S+) content, not a PDF, JPEG or PNG$/, 'documents.error.wrongType', (m) => ({ kind: m[1]! })],
  [/^is not a PDF, JPEG or PNG file$/, 'documents.error.unknownType'],
  [/^is an image that could not be read$/, 'documents.error.unreadable'],
];
