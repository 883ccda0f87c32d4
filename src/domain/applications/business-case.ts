import { z } from 'zod';
import { PLATFORMS } from '../records.ts';

/**
 * What SLT needs in a business case before it can be submitted. Each message says what is
 * missing in the applicant's terms; the tab shows it next to the field, and the server checks again.
 */
export const businessCaseSchema = z.object({
  accountName: z
    .string()
    .trim()
    .min(3, { message: 'Give the account a name, as it will appear on the platform' })
    .max(100, { message: 'Keep the name under 100 characters' }),
  platform: z.enum(PLATFORMS, { message: 'Choose the platform' }),
  aim: z
    .string()
    .trim()
    .min(20, { message: 'Say what the account is for and what it will achieve, in a sentence or two' })
    .max(4000),
  audience: z
    .string()
    .trim()
    .min(5, { message: 'Say who the account is for: parents, pupils, the community…' })
    .max(4000),
  promotion: z.string().trim().min(5, { message: 'Say how people will find out about the account' }).max(4000),
  runnerIds: z
    .array(z.string().min(1).max(128))
    .refine((ids) => new Set(ids).size >= 2, { message: 'Name at least two staff members who will run the account' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each person should be named once' }),
  volunteers: z
    .array(
      z.object({
        name: z.string().trim().min(3, { message: 'Give each volunteer’s full name' }).max(255),
        relationship: z
          .string()
          .trim()
          .min(2, { message: 'Say how each volunteer is connected to the school, e.g. parent' })
          .max(255),
      }),
    )
    .max(20),
  visibility: z.enum(['open', 'private'], { message: 'Choose whether the account is open or private' }),
});

export type BusinessCase = z.infer<typeof businessCaseSchema>;
export type BusinessCaseField = keyof BusinessCase;

export type BusinessCaseCheck =
  { ok: true; value: BusinessCase } | { ok: false; errors: Partial<Record<BusinessCaseField, string>> };

export function checkBusinessCase(input: unknown): BusinessCaseCheck {
  const result = businessCaseSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: Partial<Record<BusinessCaseField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as BusinessCaseField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
