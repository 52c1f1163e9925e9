import { Init1795629530600 } from './1795629530600-Init';
import { RolesAndAudit1795630075567 } from './1795630075567-RolesAndAudit';
import { ReplyQueueInbound1795632790116 } from './1795632790116-ReplyQueueInbound';
import { ReplyQueues1796110324856 } from './1796110324856-ReplyQueues';
import { Publishing1796110415251 } from './1796110415251-Publishing';
import { PagesByExternalId1796111727109 } from './1796111727109-PagesByExternalId';
import { PostPublications1796114531878 } from './1796114531878-PostPublications';
import { SlaBreaches1796114546553 } from './1796114546553-SlaBreaches';
import { LeaseSweepIndex1796115000000 } from './1796115000000-LeaseSweepIndex';
import { PublishingFreezes1796115171881 } from './1796115171881-PublishingFreezes';
import { Cascade1796120415428 } from './1796120415428-Cascade';
import { ClaimableIndex1796120693894 } from './1796120693894-ClaimableIndex';
import { SubmittedBy1796124080452 } from './1796124080452-SubmittedBy';
import { UniqueActivePageExternalId1796479721254 } from './1796479721254-UniqueActivePageExternalId';
import { PageMetricsAndPivotDemand1797000000041 } from './1797000000041-PageMetricsAndPivotDemand';
import { InsightsIndexes1797000000200 } from './1797000000200-InsightsIndexes';
import { InsightsRollups1797000000300 } from './1797000000300-InsightsRollups';
import { InsightsAuthorCounts1797000000400 } from './1797000000400-InsightsAuthorCounts';
import { ConversationMetricRollups1797000000100 } from './1797000000100-ConversationMetricRollups';

/** Every migration, in order. A new file is added here once it has been reviewed. */
export const migrations: Function[] = [
  Init1795629530600,
  RolesAndAudit1795630075567,
  ReplyQueueInbound1795632790116,
  ReplyQueues1796110324856,
  Publishing1796110415251,
  PagesByExternalId1796111727109,
  PostPublications1796114531878,
  SlaBreaches1796114546553,
  LeaseSweepIndex1796115000000,
  PublishingFreezes1796115171881,
  Cascade1796120415428,
  ClaimableIndex1796120693894,
  SubmittedBy1796124080452,
  UniqueActivePageExternalId1796479721254,
  PageMetricsAndPivotDemand1797000000041,
  ConversationMetricRollups1797000000100,
  InsightsIndexes1797000000200,
  InsightsRollups1797000000300,
  InsightsAuthorCounts1797000000400,
];
