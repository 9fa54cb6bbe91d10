import type { ModerationService } from '../../../../server/src/modules/moderation/moderation.service.ts';
import type { TpsComparisonView } from '../../../../server/src/modules/comparison/comparison.service.ts';
import type { DecisionBody } from '../../../../server/src/modules/moderation/moderation.schemas.ts';

/** API shapes of the moderation pages, taken from the server's service so they cannot drift. */
export type QueuePage = Awaited<ReturnType<ModerationService['queue']>>;
export type QueueItem = QueuePage['items'][number];
export type ReviewData = Omit<Awaited<ReturnType<ModerationService['review']>>, 'comparison'> & { comparison: TpsComparisonView | null };
export type ReviewSubmission = ReviewData['submissions'][number];
export type Dashboard = Awaited<ReturnType<ModerationService['dashboard']>>;
export type TpsHistory = Awaited<ReturnType<ModerationService['historyOf']>>;
export type HistoryEntry = TpsHistory['entries'][number];
export type ClaimAnswer = Awaited<ReturnType<ModerationService['claim']>>;
export type DecisionAnswer = Awaited<ReturnType<ModerationService['decide']>>;
export type Decision = DecisionBody;
