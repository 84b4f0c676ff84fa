import type { z } from 'zod';
import { AppError, type FieldError, type MessageParams, type Said } from './errors';
import { english, type CoreKey } from './messages';

type Issue = z.core.$ZodIssue;

/** Field path as people read it: "admin.password", "items.2.dose". */
export function pathOf(issue: { path: readonly PropertyKey[] }): string {
  return issue.path.map((p) => String(p)).join('.');
}

/** A zod issue in plain words. Schemas may set their own message with `{ error: '…' }`, which wins. */
export function describeIssue(issue: Issue): string {
  const own = issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'is required' : `must be at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `can have at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_type':
      // A number field holding "13O" reaches the schema as NaN: that is a typing slip, not a missing value.
      if ((issue as { received?: unknown }).received === 'NaN') return 'must be a number';
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date'
        ? 'must be a real date (YYYY-MM-DD)'
        : `has the wrong format (${issue.format})`;
    case 'unrecognized_keys':
      return `has unexpected field(s): ${issue.keys.join(', ')}`;
    case 'custom':
      return own;
    default:
      return own;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'number') return 'a number';
  if (expected === 'string') return 'text';
  if (expected === 'object') return 'an object';
  return `a ${expected}`;
}

interface IssueSaid extends Said {
  key: CoreKey;
}

/** The catalog key of a zod issue's plain words (describeIssue's English), or null for a schema's own message. */
export function issueSaid(issue: Issue): IssueSaid | null {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'field.required' }
          : { key: 'field.minChars', params: { n: Number(issue.minimum) } };
      }
      if (issue.origin === 'array') return { key: 'field.minItems', params: { n: Number(issue.minimum) } };
      return { key: 'field.min', params: { n: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'field.maxChars', params: { n: Number(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'field.maxItems', params: { n: Number(issue.maximum) } };
      return { key: 'field.max', params: { n: Number(issue.maximum) } };
    case 'invalid_type': {
      if ((issue as { received?: unknown }).received === 'NaN') return { key: 'field.number' };
      if (issue.input === undefined) return { key: 'field.required' };
      const byType: Record<string, CoreKey> = {
        int: 'field.wholeNumber',
        number: 'field.number',
        string: 'field.text',
      };
      return { key: byType[issue.expected] ?? 'field.wrongType' };
    }
    case 'invalid_value':
      return { key: 'field.oneOf', params: { values: issue.values.map((v) => String(v)).join(', ') } };
    case 'invalid_format':
      return issue.format === 'date'
        ? { key: 'field.date' }
        : { key: 'field.format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { key: 'field.unexpected', params: { keys: issue.keys.join(', ') } };
    default:
      return null;
  }
}

/** Custom messages given in a schema are kept; zod's generic ones are replaced by plain words. */
function isGenericZodMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized key|Expected)/.test(message);
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const path = pathOf(issue);
    const said = issue.code !== 'custom' && isGenericZodMessage(issue.message) ? issueSaid(issue) : null;
    if (!said) return { path, message: issue.message };
    return { path, message: describeIssue(issue), ...said };
  });
}

/** One line naming every field at fault, e.g. "admin.password: must be at least 10 characters". */
export function summarizeFieldErrors(fields: FieldError[]): string {
  return fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
}

/**
 * Refuses the input: a VALIDATION failure naming every field at fault (nothing has been changed). The one
 * copy every service uses; `said` replaces the generic "please correct" line when the refusal has its own words.
 */
export function invalid(fields: FieldError[], said?: { key: CoreKey; params?: MessageParams }): never {
  if (said) throw new AppError('VALIDATION', english(said.key, said.params), fields, said);
  throw new AppError('VALIDATION', `Please correct: ${summarizeFieldErrors(fields)}`, fields, {
    key: 'code.VALIDATION',
  });
}
