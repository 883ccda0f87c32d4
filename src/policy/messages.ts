import type { AdaptiveCard } from '../cards/elements.ts';
import { questionAnsweredCard, sltQuestionCard } from '../cards/slt-question.ts';
import { simpleNotice, Undeliverable, type Delivery, type Messages } from '../notifications/message.ts';
import type { MessagePayloads } from '../notifications/topics.ts';
import { displayName } from '../people/directory.ts';
import type { Services } from '../services.ts';
import type { Rec } from '../store/kinds.ts';
import { answerCardFor } from './answer-card.ts';

type QuestionTopic = 'question.for-slt' | 'question.answered' | 'question.pointed';

/** The messages about staff questions: to SLT, and answers back to the asker. */
export function questionMessages(services: Services): Messages<QuestionTopic> {
  const { store } = services;
  const aboutQuestion =
    (
      build: (question: Rec<'questions'>, names: (id: string | undefined) => Promise<string>) => Promise<AdaptiveCard>,
    ) =>
    async (payload: MessagePayloads[QuestionTopic]): Promise<Delivery> => {
      const question = await store.questions.get(payload.questionId);
      if (!question) throw new Undeliverable('the question no longer exists');
      const names = (id: string | undefined) => displayName(store, id, 'A member of staff');
      return { conversationId: payload.conversationId, card: await build(question, names) };
    };
  return {
    'question.for-slt': {
      render: aboutQuestion(async (q, names) =>
        sltQuestionCard({ questionId: q.id, askerName: await names(q.askerId), question: q.text }),
      ),
      notice: simpleNotice('decisionNeeded', 'A member of staff has a question for SLT', () => 'questions'),
    },
    'question.answered': {
      render: aboutQuestion(async (q, names) =>
        questionAnsweredCard({ question: q.text, byName: await names(q.answeredById), answer: q.answer ?? '' }),
      ),
    },
    'question.pointed': {
      render: aboutQuestion((q) =>
        answerCardFor(services, q, 'A senior leader found the answer to your question in the policy.'),
      ),
    },
  };
}
