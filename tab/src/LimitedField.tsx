import { Field, type FieldProps } from '@fluentui/react-components';
import { checkLength } from '../../src/domain/text-limits.ts';

/**
 * A field whose text has a limit: it counts as the limit nears and says by how much it is over,
 * instead of the server refusing a form the person thought was fine (or the box cutting it off).
 */
export function LimitedField({
  value,
  limit,
  hint,
  validationMessage,
  ...field
}: FieldProps & { value: string; limit: number }) {
  const length = checkLength(value, limit);
  const counted = length.count && !length.over;
  return (
    <Field
      {...field}
      hint={
        counted ? (
          <>
            {hint}
            {hint ? ' ' : ''}
            <span aria-live="polite">{length.count}</span>
          </>
        ) : (
          hint
        )
      }
      validationMessage={length.over ? `${length.count}. ${length.over}.` : validationMessage}
    />
  );
}
