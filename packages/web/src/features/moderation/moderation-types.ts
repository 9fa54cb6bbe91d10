import type { LogEntry, Review } from '@cocok/api';

/** API shapes of the moderation pages: the wire contract's (@cocok/api), under the names the pages use. */
export type {
  ClaimAnswer,
  Dashboard,
  Decision,
  DecisionAnswer,
  QueueItem,
  QueuePage,
  ReviewSubmission,
  TpsHistory,
} from '@cocok/api';
/** GET /moderation/tps/:code (named apart from the page's `Review` component). */
export type ReviewData = Review;
export type HistoryEntry = LogEntry;
