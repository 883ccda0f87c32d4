import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

// The package's "lib" entry is untranspiled ESM; its CommonJS dist build is what loads in Node.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Parses a card with the Adaptive Cards object model at version 1.5 and returns every
 * validation problem: unknown element types, bad values, elements newer than 1.5, and so on.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as never, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  problems.push(...parsed.validateProperties().validationEvents.map((e) => e.message));
  return problems;
}
