import { Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { api, type Policy } from '../api.ts';
import { FormDialog } from '../FormDialog.tsx';

const useStyles = makeStyles({
  chosen: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    whiteSpace: 'pre-wrap',
  },
});

interface Choice {
  id: string;
  label: string;
  text: string;
}

/**
 * A senior leader chooses the passage that answers a staff question. It starts on the passage the
 * bot thought closest; typing filters every passage of the current policy by its words.
 */
export function PointToPassage(props: {
  schoolId: string;
  question: { id: string; text: string };
  onClose: (saved: boolean) => void;
}) {
  const styles = useStyles();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [passageId, setPassageId] = useState<string>();
  const [query, setQuery] = useState('');
  useEffect(() => {
    let live = true;
    const school = `schoolId=${encodeURIComponent(props.schoolId)}`;
    void (async () => {
      const policy = await api<Policy>(`/policy?${school}`);
      const all = policy.sections.flatMap((s) =>
        s.passages.map((p) => {
          const where = p.clause ?? s.headingPath.at(-1) ?? '';
          return { id: p.id, text: p.text, label: `${where}: ${p.text.slice(0, 90)}${p.text.length > 90 ? '…' : ''}` };
        }),
      );
      const closest = await api<{ passage: string }>(
        `/policy/search?${school}&q=${encodeURIComponent(props.question.text.slice(0, 300))}`,
      ).catch(() => undefined);
      if (!live) return;
      setChoices(all);
      const guess = all.find((c) => c.text === closest?.passage);
      if (guess) {
        setPassageId(guess.id);
        setQuery(guess.label);
      }
    })();
    return () => {
      live = false;
    };
  }, [props.schoolId, props.question.text]);
  const chosen = choices.find((c) => c.id === passageId);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const filtering = query !== chosen?.label;
    return (
      filtering
        ? choices.filter((c) =>
            words.every((w) => c.label.toLowerCase().includes(w) || c.text.toLowerCase().includes(w)),
          )
        : choices
    ).slice(0, 60);
  }, [choices, query, chosen]);
  return (
    <FormDialog
      title="Point to the answer"
      submitLabel="Save"
      intro={
        <p>
          Choose the passage of the policy that answers “{props.question.text}”. The asker is sent it, and the bot will
          give it to anyone who asks something similar. The question’s words are kept to find the passage, so do not
          point a question that names a pupil or colleague: answer it on its card instead.
        </p>
      }
      submit={() =>
        api(`/questions/${encodeURIComponent(props.question.id)}/pointer`, {
          method: 'PUT',
          body: { passageId: passageId ?? '' },
        })
      }
      onClose={props.onClose}
    >
      {(field) => (
        <>
          <Field label="Passage that answers it" required {...field('passageId')}>
            <Combobox
              value={query}
              placeholder="Type words from the passage"
              onChange={(e) => setQuery(e.target.value)}
              onOptionSelect={(_, d) => {
                setPassageId(d.optionValue);
                setQuery(d.optionText ?? '');
              }}
            >
              {shown.map((c) => (
                <Option key={c.id} value={c.id} text={c.label}>
                  {c.label}
                </Option>
              ))}
            </Combobox>
          </Field>
          {chosen && (
            <Text as="p" className={styles.chosen} aria-label="Chosen passage">
              {chosen.text}
            </Text>
          )}
        </>
      )}
    </FormDialog>
  );
}
