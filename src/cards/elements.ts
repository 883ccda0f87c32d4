/**
 * Small builders for Adaptive Card 1.5 JSON. Every line of text is a TextRun, which Teams never
 * interprets as markdown, so a name such as "[click](https://evil)" or "<at>everyone</at>" shows
 * literally instead of becoming a link or a mention. Only `heading` is a TextBlock, for the app's
 * own words. tests/unit/card-text.test.ts walks every card with hostile text in every field.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  [key: string]: unknown;
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** A card's title. The app's own words only: it is a TextBlock, for the heading role screen readers announce. */
export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});

/** Properties that belong to the block around a run of text; the rest style the run itself. */
const BLOCK_PROPS = new Set(['spacing', 'separator', 'horizontalAlignment', 'id', 'isVisible', 'height']);

function splitStyle(extra: CardElement): { block: CardElement; run: CardElement } {
  const block: CardElement = {};
  const run: CardElement = {};
  for (const [key, value] of Object.entries(extra)) (BLOCK_PROPS.has(key) ? block : run)[key] = value;
  return { block, run };
}

/**
 * A line of text. It is a RichTextBlock of TextRuns, which Teams never reads as markdown, so a
 * name, a comment or a file name put into it shows literally, whatever it contains: building
 * cards from these makes smuggled links and mentions impossible rather than merely avoided.
 */
export const paragraph = (text: string, extra: CardElement = {}): CardElement => {
  const { block, run } = splitStyle(extra);
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...run }], ...block };
};

/** User-supplied text, shown literally (the same as `paragraph`; the name says whose words they are). */
export const userText = paragraph;

/** A title in a person's words ("Account application: <their name for it>"), as large as a heading. */
export const titleWith = (appText: string, theirText: string): CardElement => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text: `${appText}${theirText}`, size: 'Large', weight: 'Bolder' }],
});

/**
 * Labelled values. Teams reads FactSet values as markdown, and most values here are names or
 * other people's words, so each fact is a line of TextRuns: the label in bold, then the value.
 */
export const factSet = (facts: [string, string][]): CardElement => ({
  type: 'Container',
  items: facts.map(([title, value]) => ({
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [
      { type: 'TextRun', text: `${title}: `, weight: 'Bolder' },
      { type: 'TextRun', text: value },
    ],
  })),
});

/** How many lines of one list a card shows; Teams refuses cards over about 28 KB, and nobody reads more. */
export const MAX_CARD_LINES = 10;

/**
 * The first lines of a list, then one line saying how many more there are, so a card stays
 * small whatever it is given and nothing is left out without saying so.
 */
export function boundedLines<T>(
  items: readonly T[],
  line: (item: T) => CardElement,
  more: (count: number, rest: readonly T[]) => string,
  max = MAX_CARD_LINES,
): CardElement[] {
  const shown = items.slice(0, max).map(line);
  return items.length > max
    ? [...shown, paragraph(more(items.length - max, items.slice(max)), { isSubtle: true })]
    : shown;
}

export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });

/** A message-back button that sends `text` as if the user typed it, so commands stay discoverable. */
export const sendText = (title: string, text: string): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'messageBack', text, displayText: text } },
});
