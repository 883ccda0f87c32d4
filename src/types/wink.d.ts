// The two wink packages ship no types; only what the risk model uses is declared.
declare module 'wink-naive-bayes-text-classifier' {
  type PrepTask = (input: unknown) => unknown;
  interface NaiveBayesTextClassifier {
    definePrepTasks(tasks: PrepTask[]): number;
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    /** [label, log odds] pairs, highest first; [['unknown', 0]] when no word was ever seen. */
    computeOdds(input: string): [string, number][];
    predict(input: string): string;
  }
  export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
}

declare module 'wink-nlp-utils' {
  type Task = (input: never) => unknown;
  const nlp: {
    string: { lowerCase: Task; removeExtraSpaces: Task; tokenize0: Task };
    tokens: { removeWords: Task; stem: Task };
  };
  export default nlp;
}
