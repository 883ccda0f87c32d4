/**
 * Small builders for Adaptive Card 1.5 JSON. Text the app writes goes in TextBlocks; text a
 * user wrote goes in TextRuns, which Teams never interprets as markdown, so a name such as
 * "[click](https://evil)" or "<at>everyone</at>" shows literally instead of becoming a link or mention.
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

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});

export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** User-supplied text, shown literally. */
export const userText = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...extra }],
});

export const factSet = (facts: [string, string][]): CardElement => ({
  type: 'FactSet',
  facts: facts.map(([title, value]) => ({ title, value })),
});

export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });

/** A message-back button that sends `text` as if the user typed it, so commands stay discoverable. */
export const sendText = (title: string, text: string): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'messageBack', text, displayText: text } },
});
