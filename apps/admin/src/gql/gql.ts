/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Shell {\n    me {\n      id\n      displayName\n      email\n      abilities\n    }\n    brands {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.ShellDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n        displayName\n      }\n      assignment {\n        ...RoleAssignmentFields\n      }\n      temporaryPassword\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...RoleAssignmentFields\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      id\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      disabled\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    scopePageId\n    scopeIds\n    brandId\n    userId\n    grantedAt\n  }\n": typeof types.RoleAssignmentFieldsFragmentDoc,
    "\n  query TeamUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            ...RoleAssignmentFields\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.TeamUsersDocument,
    "\n  query AuditEntries($first: Int!, $after: String, $filter: AuditFilterInput) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          actorId\n          actorName\n          action\n          subjectType\n          subjectId\n          brandId\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.AuditEntriesDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation ArchivePage($id: ID!) {\n    archivePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.ArchivePageDocument,
    "\n  mutation RestorePage($id: ID!) {\n    restorePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.RestorePageDocument,
    "\n  query BrandTree($slug: String!) {\n    brand(slug: $slug) {\n      id\n      slug\n      name\n      audiences\n      defaultNetwork\n      segmentFallback\n      version\n      aliases {\n        id\n        country\n        network\n        marketPageId\n      }\n      pages {\n        ...PageFields\n      }\n    }\n  }\n": typeof types.BrandTreeDocument,
    "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      ...PageFields\n    }\n  }\n": typeof types.CreatePageDocument,
    "\n  fragment PageFields on Page {\n    id\n    brandId\n    scopeIds\n    kind\n    parentId\n    network\n    name\n    url\n    country\n    languages\n    segment\n    status\n    defaultVariant\n    regionCountries\n    handle\n    externalId\n    description\n    keywords\n    pictureUrl\n    website\n    version\n    createdAt\n    updatedAt\n  }\n": typeof types.PageFieldsFragmentDoc,
    "\n  mutation SetMarketAlias($input: SetMarketAliasInput!) {\n    setMarketAlias(input: $input) {\n      id\n      country\n      network\n      marketPageId\n    }\n  }\n": typeof types.SetMarketAliasDocument,
    "\n  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {\n    updatePage(id: $id, input: $input) {\n      ...PageFields\n    }\n  }\n": typeof types.UpdatePageDocument,
    "\n  fragment InsightsFiguresFields on InsightsFigures {\n    followers\n    followerGrowth\n    reach\n    engagements\n    engagementRate\n    conversedAuthors\n    conversationRate\n    itemsReceived\n    conversationsOpened\n    conversationsAnswered\n    conversationsResolved\n    responseRate\n    firstResponseP50Seconds\n    firstResponseP90Seconds\n    slaMet\n    slaBreached\n    slaAttainment\n    backlog\n  }\n": typeof types.InsightsFiguresFieldsFragmentDoc,
    "\n  query Insights($scopePageId: ID!, $range: InsightsRangeInput!) {\n    insights(scopePageId: $scopePageId, range: $range) {\n      scopePage {\n        id\n        name\n        kind\n      }\n      from\n      to\n      granularity\n      previousFrom\n      previousTo\n      totals {\n        ...InsightsFiguresFields\n      }\n      previous {\n        ...InsightsFiguresFields\n      }\n      series {\n        start\n        end\n        figures {\n          followers\n          conversationRate\n          firstResponseP50Seconds\n          firstResponseP90Seconds\n        }\n      }\n      funnel {\n        followers\n        reached\n        engaged\n        conversed\n        answeredWithinSla\n      }\n    }\n  }\n": typeof types.InsightsDocument,
    "\n  query MarketComparison($scopePageId: ID!, $range: InsightsRangeInput!) {\n    marketComparison(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n        network\n      }\n      followers\n      followerGrowth\n      conversationRate\n      responseRate\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      slaAttainment\n      backlog\n      healthScore\n    }\n  }\n": typeof types.MarketComparisonDocument,
    "\n  query PageHealth($scopePageId: ID!, $range: InsightsRangeInput!) {\n    pageHealth(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n      }\n      score\n      keys {\n        key\n        score\n      }\n      reasons {\n        key\n        code\n        status\n      }\n    }\n  }\n": typeof types.PageHealthDocument,
    "\n  query PivotDemand($brandId: ID, $range: InsightsRangeInput!) {\n    pivotDemand(brandId: $brandId, range: $range) {\n      country\n      outcome\n      visitors\n      page {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PivotDemandDocument,
    "\n  query PivotPreview($brandSlug: String!, $country: String, $lang: String, $segment: String, $network: String) {\n    pivotPreview(brandSlug: $brandSlug, country: $country, lang: $lang, segment: $segment, network: $network) {\n      trail\n      target {\n        id\n        kind\n        name\n        url\n        country\n        segment\n        languages\n      }\n    }\n  }\n": typeof types.PivotPreviewDocument,
    "\n  fragment CalendarPost on Post {\n    id\n    state\n    body\n    publishAt\n    held\n    targets {\n      id\n      name\n      network\n      scopeIds\n    }\n  }\n": typeof types.CalendarPostFragmentDoc,
    "\n  query CalendarPosts($first: Int!, $after: String, $filter: PostFilterInput!) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...CalendarPost\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.CalendarPostsDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostDetail\n    }\n  }\n": typeof types.CreatePostDocument,
    "\n  mutation UpdatePost($id: ID!, $version: Int!, $input: UpdatePostInput!) {\n    updatePost(id: $id, version: $version, input: $input) {\n      ...PostDetail\n    }\n  }\n": typeof types.UpdatePostDocument,
    "\n  mutation SubmitPost($id: ID!, $version: Int!) {\n    submitPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": typeof types.SubmitPostDocument,
    "\n  mutation WithdrawPost($id: ID!, $version: Int!, $comment: String) {\n    withdrawPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": typeof types.WithdrawPostDocument,
    "\n  mutation ApprovePost($id: ID!, $version: Int!, $comment: String) {\n    approvePost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": typeof types.ApprovePostDocument,
    "\n  mutation RequestPostChanges($id: ID!, $version: Int!, $comment: String!) {\n    requestPostChanges(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": typeof types.RequestPostChangesDocument,
    "\n  mutation RejectPost($id: ID!, $version: Int!, $comment: String) {\n    rejectPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": typeof types.RejectPostDocument,
    "\n  mutation ArchivePost($id: ID!, $version: Int!) {\n    archivePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": typeof types.ArchivePostDocument,
    "\n  mutation CommentOnPost($id: ID!, $comment: String!) {\n    commentOnPost(id: $id, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": typeof types.CommentOnPostDocument,
    "\n  mutation SchedulePost($id: ID!, $version: Int!, $publishAt: DateTime!) {\n    schedulePost(id: $id, version: $version, publishAt: $publishAt) {\n      ...PostDetail\n    }\n  }\n": typeof types.SchedulePostDocument,
    "\n  mutation UnschedulePost($id: ID!, $version: Int!) {\n    unschedulePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": typeof types.UnschedulePostDocument,
    "\n  mutation RetryPost($id: ID!, $version: Int!) {\n    retryPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": typeof types.RetryPostDocument,
    "\n  fragment PostSummary on Post {\n    id\n    state\n    body\n    locale\n    authorId\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    targets {\n      id\n      name\n      kind\n      network\n      scopeIds\n    }\n  }\n": typeof types.PostSummaryFragmentDoc,
    "\n  query Posts($first: Int!, $after: String, $filter: PostFilterInput) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.PostsDocument,
    "\n  query ApprovalsInbox($first: Int!, $after: String) {\n    approvalsInbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.ApprovalsInboxDocument,
    "\n  fragment PostDetail on Post {\n    ...PostSummary\n    brandId\n    link\n    scopeIds\n    parentPostId\n    publishAt\n    held\n    allowedActions\n    canDecide\n    parentPostId\n    parentPost {\n      id\n      body\n    }\n    globalChanged\n    globalDiff {\n      op\n      text\n    }\n    guardrails {\n      blocking\n      issues {\n        code\n        severity\n        message\n        field\n        start\n        end\n        network\n      }\n    }\n    approvalPath {\n      preview\n      currentStepId\n      steps {\n        id\n        name\n        mode\n        approvers\n        status\n        approvedBy\n        requiredUserIds\n        problem\n      }\n    }\n    timeline {\n      id\n      kind\n      actorId\n      actorName\n      occurredAt\n      fromState\n      toState\n      stepId\n      comment\n      version\n    }\n  }\n": typeof types.PostDetailFragmentDoc,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      ...PostDetail\n    }\n  }\n": typeof types.PostDocument,
    "\n  fragment PublishingFreezeFields on PublishingFreeze {\n    id\n    brandId\n    marketPageId\n    reason\n    frozenById\n    createdAt\n  }\n": typeof types.PublishingFreezeFieldsFragmentDoc,
    "\n  query PublishingFreezes($brandId: ID!) {\n    publishingFreezes(brandId: $brandId) {\n      ...PublishingFreezeFields\n    }\n  }\n": typeof types.PublishingFreezesDocument,
    "\n  mutation SetPublishingFreeze($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {\n    setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) {\n      ...PublishingFreezeFields\n    }\n  }\n": typeof types.SetPublishingFreezeDocument,
    "\n  query PublishingRules($brandId: ID!) {\n    brandGuardrails(brandId: $brandId) {\n      brandId\n      bannedTerms\n      requiredHashtags\n      missingHashtagSeverity\n      allowedLinkDomains\n    }\n    approvalPolicies(brandId: $brandId) {\n      id\n      country\n      version\n      steps {\n        id\n        name\n        mode\n        role\n        scope\n        userIds\n        when\n      }\n    }\n  }\n": typeof types.PublishingRulesDocument,
    "\n  fragment CascadeJobFields on CascadeJob {\n    id\n    postId\n    state\n    total\n    done\n    failed\n    errors {\n      pageId\n      code\n      message\n    }\n    createdAt\n    finishedAt\n  }\n": typeof types.CascadeJobFieldsFragmentDoc,
    "\n  query CascadeJob($id: ID!) {\n    cascadeJob(id: $id) {\n      ...CascadeJobFields\n    }\n  }\n": typeof types.CascadeJobDocument,
    "\n  mutation CascadePost($input: CascadePostInput!) {\n    cascadePost(input: $input) {\n      ...CascadeJobFields\n    }\n  }\n": typeof types.CascadePostDocument,
    "\n  query Rollout($postId: ID!) {\n    rollout(postId: $postId) {\n      post {\n        id\n        body\n        state\n        version\n      }\n      latestJob {\n        ...CascadeJobFields\n      }\n      cells {\n        state\n        globalChanged\n        diff {\n          op\n          text\n        }\n        market {\n          id\n          name\n          country\n          network\n        }\n        targetPage {\n          id\n          name\n          kind\n          segment\n        }\n        child {\n          id\n          state\n          body\n          locale\n        }\n      }\n    }\n  }\n": typeof types.RolloutDocument,
    "\n  mutation AcknowledgeGlobalChange($id: ID!, $version: Int!) {\n    acknowledgeGlobalChange(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": typeof types.AcknowledgeGlobalChangeDocument,
    "\n  fragment CannedResponseFields on CannedResponse {\n    id\n    name\n    scopePageId\n    version\n    variants {\n      language\n      body\n    }\n  }\n": typeof types.CannedResponseFieldsFragmentDoc,
    "\n  query CannedResponses($pageId: ID) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          ...CannedResponseFields\n        }\n      }\n    }\n  }\n": typeof types.CannedResponsesDocument,
    "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) {\n      ...CannedResponseFields\n    }\n  }\n": typeof types.CreateCannedResponseDocument,
    "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) {\n      ...CannedResponseFields\n    }\n  }\n": typeof types.UpdateCannedResponseDocument,
    "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n": typeof types.DeleteCannedResponseDocument,
    "\n  subscription ConversationClaimChanged($queueId: ID) {\n    conversationClaimChanged(queueId: $queueId) {\n      conversationId\n      holderId\n      leaseExpiresAt\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": typeof types.ConversationClaimChangedDocument,
    "\n  query ConversationCounts($pageId: ID) {\n    open: conversations(first: 200, filter: { pageId: $pageId, states: [OPEN] }) {\n      totalCount\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          firstItemAt\n          lastItemAt\n        }\n      }\n    }\n    assigned: conversations(first: 1, filter: { pageId: $pageId, states: [ASSIGNED] }) {\n      totalCount\n    }\n    waitingCustomer: conversations(first: 1, filter: { pageId: $pageId, states: [WAITING_CUSTOMER] }) {\n      totalCount\n    }\n    snoozed: conversations(first: 1, filter: { pageId: $pageId, states: [SNOOZED] }) {\n      totalCount\n    }\n    escalated: conversations(first: 1, filter: { pageId: $pageId, states: [ESCALATED] }) {\n      totalCount\n    }\n    resolved: conversations(first: 1, filter: { pageId: $pageId, states: [RESOLVED] }) {\n      totalCount\n    }\n  }\n": typeof types.ConversationCountsDocument,
    "\n  subscription ConversationReceived($pageId: ID) {\n    conversationReceived(pageId: $pageId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.ConversationReceivedDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    network\n    brandId\n    pageId\n    threadId\n    authorId\n    authorName\n    state\n    queueId\n    itemCount\n    firstItemAt\n    lastItemAt\n    assigneeId\n    leaseExpiresAt\n    language\n    priority\n    tags\n    snoozedUntil\n    escalatedToManager\n    responseDueAt\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  query Conversations($first: Int!, $after: String, $filter: ConversationFilterInput) {\n    conversations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  fragment QueueOverviewFields on QueueOverview {\n    queueId\n    queueName\n    brandId\n    scopePageId\n    marketPageId\n    marketName\n    counts {\n      open\n      assigned\n      waitingCustomer\n      snoozed\n      escalated\n      resolved\n    }\n    waiting\n    oldestWaitingAt\n    slaAtRisk\n    slaBreached\n  }\n": typeof types.QueueOverviewFieldsFragmentDoc,
    "\n  query QueueOverview($brandId: ID!, $first: Int!, $after: String) {\n    queueOverview(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueOverviewFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.QueueOverviewDocument,
    "\n  subscription QueueCountsChanged($queueId: ID) {\n    queueCountsChanged(queueId: $queueId) {\n      ...QueueOverviewFields\n    }\n  }\n": typeof types.QueueCountsChangedDocument,
    "\n  fragment ReplyQueueFields on ReplyQueue {\n    id\n    brandId\n    scopePageId\n    scopeIds\n    name\n    isDefault\n    firstResponseMinutes\n    nextResponseMinutes\n    assignmentMode\n    breachEscalation\n    breachQueueId\n    waitingCount\n    version\n    businessHours {\n      timeZone\n      days {\n        day\n        intervals {\n          start\n          end\n        }\n      }\n      holidays\n    }\n    members {\n      userId\n      displayName\n      capacity\n      languages\n    }\n  }\n": typeof types.ReplyQueueFieldsFragmentDoc,
    "\n  query ReplyQueues($first: Int!, $after: String) {\n    replyQueues(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReplyQueueFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.ReplyQueuesDocument,
    "\n  query MemberCandidates {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            role\n            brandId\n            scopePageId\n            scopeIds\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberCandidatesDocument,
    "\n  mutation CreateReplyQueue($input: CreateReplyQueueInput!) {\n    createReplyQueue(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": typeof types.CreateReplyQueueDocument,
    "\n  mutation UpdateReplyQueue($id: ID!, $input: UpdateReplyQueueInput!) {\n    updateReplyQueue(id: $id, input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": typeof types.UpdateReplyQueueDocument,
    "\n  mutation SetQueueMember($input: SetQueueMemberInput!) {\n    setQueueMember(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": typeof types.SetQueueMemberDocument,
    "\n  mutation RemoveQueueMember($queueId: ID!, $userId: ID!) {\n    removeQueueMember(queueId: $queueId, userId: $userId) {\n      ...ReplyQueueFields\n    }\n  }\n": typeof types.RemoveQueueMemberDocument,
    "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    position\n    scopePageId\n    queueId\n    priority\n    tags\n    enabled\n    version\n    conditions {\n      keywords\n      languages\n      networks\n      countries\n      segments\n      authorFlags\n      pattern {\n        source\n        flags\n      }\n    }\n  }\n": typeof types.RoutingRuleFieldsFragmentDoc,
    "\n  query RoutingRules($scopePageId: ID) {\n    routingRules(scopePageId: $scopePageId, first: 50) {\n      edges {\n        node {\n          ...RoutingRuleFields\n        }\n      }\n    }\n  }\n": typeof types.RoutingRulesDocument,
    "\n  mutation CreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n": typeof types.CreateRoutingRuleDocument,
    "\n  mutation UpdateRoutingRule($id: ID!, $input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(id: $id, input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n": typeof types.UpdateRoutingRuleDocument,
    "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": typeof types.DeleteRoutingRuleDocument,
    "\n  mutation MoveRoutingRule($id: ID!, $position: Int!) {\n    moveRoutingRule(id: $id, position: $position) {\n      ...RoutingRuleFields\n    }\n  }\n": typeof types.MoveRoutingRuleDocument,
    "\n  query TestRouting($input: TestRoutingInput!) {\n    testRouting(input: $input) {\n      ruleId\n      ruleName\n      queueId\n      queueName\n      priority\n      tags\n      trail\n    }\n  }\n": typeof types.TestRoutingDocument,
    "\n  fragment WorkedConversation on Conversation {\n    ...ConversationFields\n  }\n": typeof types.WorkedConversationFragmentDoc,
    "\n  query WorkspaceQueues {\n    replyQueues(first: 100) {\n      edges {\n        node {\n          id\n          brandId\n          name\n          scopePageId\n          scopeIds\n          isDefault\n          waitingCount\n          members {\n            userId\n            displayName\n            capacity\n            languages\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceQueuesDocument,
    "\n  query HeldConversations {\n    conversations(first: 20, filter: { states: [ASSIGNED] }) {\n      edges {\n        node {\n          ...WorkedConversation\n        }\n      }\n    }\n  }\n": typeof types.HeldConversationsDocument,
    "\n  query ConversationHistory($conversationId: ID!) {\n    conversationItems(conversationId: $conversationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          text\n          authorName\n          language\n          occurredAt\n        }\n      }\n    }\n    conversationNotes(conversationId: $conversationId, first: 100) {\n      edges {\n        node {\n          id\n          authorId\n          text\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ConversationHistoryDocument,
    "\n  query UsableCannedResponses($pageId: ID!) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopePage {\n            id\n            name\n          }\n          variants {\n            language\n            body\n          }\n        }\n      }\n    }\n  }\n": typeof types.UsableCannedResponsesDocument,
    "\n  mutation ClaimNext($queueId: ID!) {\n    claimNext(queueId: $queueId) {\n      ...WorkedConversation\n    }\n  }\n": typeof types.ClaimNextDocument,
    "\n  mutation RenewLease($conversationId: ID!) {\n    renewLease(conversationId: $conversationId) {\n      id\n      assigneeId\n      leaseExpiresAt\n      state\n    }\n  }\n": typeof types.RenewLeaseDocument,
    "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n": typeof types.ReplyToConversationDocument,
    "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n": typeof types.AddConversationNoteDocument,
    "\n  mutation EscalateConversation($input: EscalateConversationInput!) {\n    escalateConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n": typeof types.EscalateConversationDocument,
    "\n  mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {\n    snoozeConversation(conversationId: $conversationId, until: $until) {\n      ...WorkedConversation\n    }\n  }\n": typeof types.SnoozeConversationDocument,
    "\n  mutation ResolveConversation($conversationId: ID!) {\n    resolveConversation(conversationId: $conversationId) {\n      ...WorkedConversation\n    }\n  }\n": typeof types.ResolveConversationDocument,
};
const documents: Documents = {
    "\n  query Shell {\n    me {\n      id\n      displayName\n      email\n      abilities\n    }\n    brands {\n      id\n      slug\n      name\n    }\n  }\n": types.ShellDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n        displayName\n      }\n      assignment {\n        ...RoleAssignmentFields\n      }\n      temporaryPassword\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...RoleAssignmentFields\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      id\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      disabled\n    }\n  }\n": types.DisableUserDocument,
    "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    scopePageId\n    scopeIds\n    brandId\n    userId\n    grantedAt\n  }\n": types.RoleAssignmentFieldsFragmentDoc,
    "\n  query TeamUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            ...RoleAssignmentFields\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.TeamUsersDocument,
    "\n  query AuditEntries($first: Int!, $after: String, $filter: AuditFilterInput) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          actorId\n          actorName\n          action\n          subjectType\n          subjectId\n          brandId\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.AuditEntriesDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation ArchivePage($id: ID!) {\n    archivePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.ArchivePageDocument,
    "\n  mutation RestorePage($id: ID!) {\n    restorePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.RestorePageDocument,
    "\n  query BrandTree($slug: String!) {\n    brand(slug: $slug) {\n      id\n      slug\n      name\n      audiences\n      defaultNetwork\n      segmentFallback\n      version\n      aliases {\n        id\n        country\n        network\n        marketPageId\n      }\n      pages {\n        ...PageFields\n      }\n    }\n  }\n": types.BrandTreeDocument,
    "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      ...PageFields\n    }\n  }\n": types.CreatePageDocument,
    "\n  fragment PageFields on Page {\n    id\n    brandId\n    scopeIds\n    kind\n    parentId\n    network\n    name\n    url\n    country\n    languages\n    segment\n    status\n    defaultVariant\n    regionCountries\n    handle\n    externalId\n    description\n    keywords\n    pictureUrl\n    website\n    version\n    createdAt\n    updatedAt\n  }\n": types.PageFieldsFragmentDoc,
    "\n  mutation SetMarketAlias($input: SetMarketAliasInput!) {\n    setMarketAlias(input: $input) {\n      id\n      country\n      network\n      marketPageId\n    }\n  }\n": types.SetMarketAliasDocument,
    "\n  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {\n    updatePage(id: $id, input: $input) {\n      ...PageFields\n    }\n  }\n": types.UpdatePageDocument,
    "\n  fragment InsightsFiguresFields on InsightsFigures {\n    followers\n    followerGrowth\n    reach\n    engagements\n    engagementRate\n    conversedAuthors\n    conversationRate\n    itemsReceived\n    conversationsOpened\n    conversationsAnswered\n    conversationsResolved\n    responseRate\n    firstResponseP50Seconds\n    firstResponseP90Seconds\n    slaMet\n    slaBreached\n    slaAttainment\n    backlog\n  }\n": types.InsightsFiguresFieldsFragmentDoc,
    "\n  query Insights($scopePageId: ID!, $range: InsightsRangeInput!) {\n    insights(scopePageId: $scopePageId, range: $range) {\n      scopePage {\n        id\n        name\n        kind\n      }\n      from\n      to\n      granularity\n      previousFrom\n      previousTo\n      totals {\n        ...InsightsFiguresFields\n      }\n      previous {\n        ...InsightsFiguresFields\n      }\n      series {\n        start\n        end\n        figures {\n          followers\n          conversationRate\n          firstResponseP50Seconds\n          firstResponseP90Seconds\n        }\n      }\n      funnel {\n        followers\n        reached\n        engaged\n        conversed\n        answeredWithinSla\n      }\n    }\n  }\n": types.InsightsDocument,
    "\n  query MarketComparison($scopePageId: ID!, $range: InsightsRangeInput!) {\n    marketComparison(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n        network\n      }\n      followers\n      followerGrowth\n      conversationRate\n      responseRate\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      slaAttainment\n      backlog\n      healthScore\n    }\n  }\n": types.MarketComparisonDocument,
    "\n  query PageHealth($scopePageId: ID!, $range: InsightsRangeInput!) {\n    pageHealth(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n      }\n      score\n      keys {\n        key\n        score\n      }\n      reasons {\n        key\n        code\n        status\n      }\n    }\n  }\n": types.PageHealthDocument,
    "\n  query PivotDemand($brandId: ID, $range: InsightsRangeInput!) {\n    pivotDemand(brandId: $brandId, range: $range) {\n      country\n      outcome\n      visitors\n      page {\n        id\n        name\n      }\n    }\n  }\n": types.PivotDemandDocument,
    "\n  query PivotPreview($brandSlug: String!, $country: String, $lang: String, $segment: String, $network: String) {\n    pivotPreview(brandSlug: $brandSlug, country: $country, lang: $lang, segment: $segment, network: $network) {\n      trail\n      target {\n        id\n        kind\n        name\n        url\n        country\n        segment\n        languages\n      }\n    }\n  }\n": types.PivotPreviewDocument,
    "\n  fragment CalendarPost on Post {\n    id\n    state\n    body\n    publishAt\n    held\n    targets {\n      id\n      name\n      network\n      scopeIds\n    }\n  }\n": types.CalendarPostFragmentDoc,
    "\n  query CalendarPosts($first: Int!, $after: String, $filter: PostFilterInput!) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...CalendarPost\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.CalendarPostsDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostDetail\n    }\n  }\n": types.CreatePostDocument,
    "\n  mutation UpdatePost($id: ID!, $version: Int!, $input: UpdatePostInput!) {\n    updatePost(id: $id, version: $version, input: $input) {\n      ...PostDetail\n    }\n  }\n": types.UpdatePostDocument,
    "\n  mutation SubmitPost($id: ID!, $version: Int!) {\n    submitPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": types.SubmitPostDocument,
    "\n  mutation WithdrawPost($id: ID!, $version: Int!, $comment: String) {\n    withdrawPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": types.WithdrawPostDocument,
    "\n  mutation ApprovePost($id: ID!, $version: Int!, $comment: String) {\n    approvePost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": types.ApprovePostDocument,
    "\n  mutation RequestPostChanges($id: ID!, $version: Int!, $comment: String!) {\n    requestPostChanges(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": types.RequestPostChangesDocument,
    "\n  mutation RejectPost($id: ID!, $version: Int!, $comment: String) {\n    rejectPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": types.RejectPostDocument,
    "\n  mutation ArchivePost($id: ID!, $version: Int!) {\n    archivePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": types.ArchivePostDocument,
    "\n  mutation CommentOnPost($id: ID!, $comment: String!) {\n    commentOnPost(id: $id, comment: $comment) {\n      ...PostDetail\n    }\n  }\n": types.CommentOnPostDocument,
    "\n  mutation SchedulePost($id: ID!, $version: Int!, $publishAt: DateTime!) {\n    schedulePost(id: $id, version: $version, publishAt: $publishAt) {\n      ...PostDetail\n    }\n  }\n": types.SchedulePostDocument,
    "\n  mutation UnschedulePost($id: ID!, $version: Int!) {\n    unschedulePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": types.UnschedulePostDocument,
    "\n  mutation RetryPost($id: ID!, $version: Int!) {\n    retryPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": types.RetryPostDocument,
    "\n  fragment PostSummary on Post {\n    id\n    state\n    body\n    locale\n    authorId\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    targets {\n      id\n      name\n      kind\n      network\n      scopeIds\n    }\n  }\n": types.PostSummaryFragmentDoc,
    "\n  query Posts($first: Int!, $after: String, $filter: PostFilterInput) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.PostsDocument,
    "\n  query ApprovalsInbox($first: Int!, $after: String) {\n    approvalsInbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.ApprovalsInboxDocument,
    "\n  fragment PostDetail on Post {\n    ...PostSummary\n    brandId\n    link\n    scopeIds\n    parentPostId\n    publishAt\n    held\n    allowedActions\n    canDecide\n    parentPostId\n    parentPost {\n      id\n      body\n    }\n    globalChanged\n    globalDiff {\n      op\n      text\n    }\n    guardrails {\n      blocking\n      issues {\n        code\n        severity\n        message\n        field\n        start\n        end\n        network\n      }\n    }\n    approvalPath {\n      preview\n      currentStepId\n      steps {\n        id\n        name\n        mode\n        approvers\n        status\n        approvedBy\n        requiredUserIds\n        problem\n      }\n    }\n    timeline {\n      id\n      kind\n      actorId\n      actorName\n      occurredAt\n      fromState\n      toState\n      stepId\n      comment\n      version\n    }\n  }\n": types.PostDetailFragmentDoc,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      ...PostDetail\n    }\n  }\n": types.PostDocument,
    "\n  fragment PublishingFreezeFields on PublishingFreeze {\n    id\n    brandId\n    marketPageId\n    reason\n    frozenById\n    createdAt\n  }\n": types.PublishingFreezeFieldsFragmentDoc,
    "\n  query PublishingFreezes($brandId: ID!) {\n    publishingFreezes(brandId: $brandId) {\n      ...PublishingFreezeFields\n    }\n  }\n": types.PublishingFreezesDocument,
    "\n  mutation SetPublishingFreeze($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {\n    setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) {\n      ...PublishingFreezeFields\n    }\n  }\n": types.SetPublishingFreezeDocument,
    "\n  query PublishingRules($brandId: ID!) {\n    brandGuardrails(brandId: $brandId) {\n      brandId\n      bannedTerms\n      requiredHashtags\n      missingHashtagSeverity\n      allowedLinkDomains\n    }\n    approvalPolicies(brandId: $brandId) {\n      id\n      country\n      version\n      steps {\n        id\n        name\n        mode\n        role\n        scope\n        userIds\n        when\n      }\n    }\n  }\n": types.PublishingRulesDocument,
    "\n  fragment CascadeJobFields on CascadeJob {\n    id\n    postId\n    state\n    total\n    done\n    failed\n    errors {\n      pageId\n      code\n      message\n    }\n    createdAt\n    finishedAt\n  }\n": types.CascadeJobFieldsFragmentDoc,
    "\n  query CascadeJob($id: ID!) {\n    cascadeJob(id: $id) {\n      ...CascadeJobFields\n    }\n  }\n": types.CascadeJobDocument,
    "\n  mutation CascadePost($input: CascadePostInput!) {\n    cascadePost(input: $input) {\n      ...CascadeJobFields\n    }\n  }\n": types.CascadePostDocument,
    "\n  query Rollout($postId: ID!) {\n    rollout(postId: $postId) {\n      post {\n        id\n        body\n        state\n        version\n      }\n      latestJob {\n        ...CascadeJobFields\n      }\n      cells {\n        state\n        globalChanged\n        diff {\n          op\n          text\n        }\n        market {\n          id\n          name\n          country\n          network\n        }\n        targetPage {\n          id\n          name\n          kind\n          segment\n        }\n        child {\n          id\n          state\n          body\n          locale\n        }\n      }\n    }\n  }\n": types.RolloutDocument,
    "\n  mutation AcknowledgeGlobalChange($id: ID!, $version: Int!) {\n    acknowledgeGlobalChange(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n": types.AcknowledgeGlobalChangeDocument,
    "\n  fragment CannedResponseFields on CannedResponse {\n    id\n    name\n    scopePageId\n    version\n    variants {\n      language\n      body\n    }\n  }\n": types.CannedResponseFieldsFragmentDoc,
    "\n  query CannedResponses($pageId: ID) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          ...CannedResponseFields\n        }\n      }\n    }\n  }\n": types.CannedResponsesDocument,
    "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) {\n      ...CannedResponseFields\n    }\n  }\n": types.CreateCannedResponseDocument,
    "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) {\n      ...CannedResponseFields\n    }\n  }\n": types.UpdateCannedResponseDocument,
    "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n": types.DeleteCannedResponseDocument,
    "\n  subscription ConversationClaimChanged($queueId: ID) {\n    conversationClaimChanged(queueId: $queueId) {\n      conversationId\n      holderId\n      leaseExpiresAt\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": types.ConversationClaimChangedDocument,
    "\n  query ConversationCounts($pageId: ID) {\n    open: conversations(first: 200, filter: { pageId: $pageId, states: [OPEN] }) {\n      totalCount\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          firstItemAt\n          lastItemAt\n        }\n      }\n    }\n    assigned: conversations(first: 1, filter: { pageId: $pageId, states: [ASSIGNED] }) {\n      totalCount\n    }\n    waitingCustomer: conversations(first: 1, filter: { pageId: $pageId, states: [WAITING_CUSTOMER] }) {\n      totalCount\n    }\n    snoozed: conversations(first: 1, filter: { pageId: $pageId, states: [SNOOZED] }) {\n      totalCount\n    }\n    escalated: conversations(first: 1, filter: { pageId: $pageId, states: [ESCALATED] }) {\n      totalCount\n    }\n    resolved: conversations(first: 1, filter: { pageId: $pageId, states: [RESOLVED] }) {\n      totalCount\n    }\n  }\n": types.ConversationCountsDocument,
    "\n  subscription ConversationReceived($pageId: ID) {\n    conversationReceived(pageId: $pageId) {\n      ...ConversationFields\n    }\n  }\n": types.ConversationReceivedDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    network\n    brandId\n    pageId\n    threadId\n    authorId\n    authorName\n    state\n    queueId\n    itemCount\n    firstItemAt\n    lastItemAt\n    assigneeId\n    leaseExpiresAt\n    language\n    priority\n    tags\n    snoozedUntil\n    escalatedToManager\n    responseDueAt\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  query Conversations($first: Int!, $after: String, $filter: ConversationFilterInput) {\n    conversations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  fragment QueueOverviewFields on QueueOverview {\n    queueId\n    queueName\n    brandId\n    scopePageId\n    marketPageId\n    marketName\n    counts {\n      open\n      assigned\n      waitingCustomer\n      snoozed\n      escalated\n      resolved\n    }\n    waiting\n    oldestWaitingAt\n    slaAtRisk\n    slaBreached\n  }\n": types.QueueOverviewFieldsFragmentDoc,
    "\n  query QueueOverview($brandId: ID!, $first: Int!, $after: String) {\n    queueOverview(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueOverviewFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.QueueOverviewDocument,
    "\n  subscription QueueCountsChanged($queueId: ID) {\n    queueCountsChanged(queueId: $queueId) {\n      ...QueueOverviewFields\n    }\n  }\n": types.QueueCountsChangedDocument,
    "\n  fragment ReplyQueueFields on ReplyQueue {\n    id\n    brandId\n    scopePageId\n    scopeIds\n    name\n    isDefault\n    firstResponseMinutes\n    nextResponseMinutes\n    assignmentMode\n    breachEscalation\n    breachQueueId\n    waitingCount\n    version\n    businessHours {\n      timeZone\n      days {\n        day\n        intervals {\n          start\n          end\n        }\n      }\n      holidays\n    }\n    members {\n      userId\n      displayName\n      capacity\n      languages\n    }\n  }\n": types.ReplyQueueFieldsFragmentDoc,
    "\n  query ReplyQueues($first: Int!, $after: String) {\n    replyQueues(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReplyQueueFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.ReplyQueuesDocument,
    "\n  query MemberCandidates {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            role\n            brandId\n            scopePageId\n            scopeIds\n          }\n        }\n      }\n    }\n  }\n": types.MemberCandidatesDocument,
    "\n  mutation CreateReplyQueue($input: CreateReplyQueueInput!) {\n    createReplyQueue(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": types.CreateReplyQueueDocument,
    "\n  mutation UpdateReplyQueue($id: ID!, $input: UpdateReplyQueueInput!) {\n    updateReplyQueue(id: $id, input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": types.UpdateReplyQueueDocument,
    "\n  mutation SetQueueMember($input: SetQueueMemberInput!) {\n    setQueueMember(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n": types.SetQueueMemberDocument,
    "\n  mutation RemoveQueueMember($queueId: ID!, $userId: ID!) {\n    removeQueueMember(queueId: $queueId, userId: $userId) {\n      ...ReplyQueueFields\n    }\n  }\n": types.RemoveQueueMemberDocument,
    "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    position\n    scopePageId\n    queueId\n    priority\n    tags\n    enabled\n    version\n    conditions {\n      keywords\n      languages\n      networks\n      countries\n      segments\n      authorFlags\n      pattern {\n        source\n        flags\n      }\n    }\n  }\n": types.RoutingRuleFieldsFragmentDoc,
    "\n  query RoutingRules($scopePageId: ID) {\n    routingRules(scopePageId: $scopePageId, first: 50) {\n      edges {\n        node {\n          ...RoutingRuleFields\n        }\n      }\n    }\n  }\n": types.RoutingRulesDocument,
    "\n  mutation CreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n": types.CreateRoutingRuleDocument,
    "\n  mutation UpdateRoutingRule($id: ID!, $input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(id: $id, input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n": types.UpdateRoutingRuleDocument,
    "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": types.DeleteRoutingRuleDocument,
    "\n  mutation MoveRoutingRule($id: ID!, $position: Int!) {\n    moveRoutingRule(id: $id, position: $position) {\n      ...RoutingRuleFields\n    }\n  }\n": types.MoveRoutingRuleDocument,
    "\n  query TestRouting($input: TestRoutingInput!) {\n    testRouting(input: $input) {\n      ruleId\n      ruleName\n      queueId\n      queueName\n      priority\n      tags\n      trail\n    }\n  }\n": types.TestRoutingDocument,
    "\n  fragment WorkedConversation on Conversation {\n    ...ConversationFields\n  }\n": types.WorkedConversationFragmentDoc,
    "\n  query WorkspaceQueues {\n    replyQueues(first: 100) {\n      edges {\n        node {\n          id\n          brandId\n          name\n          scopePageId\n          scopeIds\n          isDefault\n          waitingCount\n          members {\n            userId\n            displayName\n            capacity\n            languages\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceQueuesDocument,
    "\n  query HeldConversations {\n    conversations(first: 20, filter: { states: [ASSIGNED] }) {\n      edges {\n        node {\n          ...WorkedConversation\n        }\n      }\n    }\n  }\n": types.HeldConversationsDocument,
    "\n  query ConversationHistory($conversationId: ID!) {\n    conversationItems(conversationId: $conversationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          text\n          authorName\n          language\n          occurredAt\n        }\n      }\n    }\n    conversationNotes(conversationId: $conversationId, first: 100) {\n      edges {\n        node {\n          id\n          authorId\n          text\n          createdAt\n        }\n      }\n    }\n  }\n": types.ConversationHistoryDocument,
    "\n  query UsableCannedResponses($pageId: ID!) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopePage {\n            id\n            name\n          }\n          variants {\n            language\n            body\n          }\n        }\n      }\n    }\n  }\n": types.UsableCannedResponsesDocument,
    "\n  mutation ClaimNext($queueId: ID!) {\n    claimNext(queueId: $queueId) {\n      ...WorkedConversation\n    }\n  }\n": types.ClaimNextDocument,
    "\n  mutation RenewLease($conversationId: ID!) {\n    renewLease(conversationId: $conversationId) {\n      id\n      assigneeId\n      leaseExpiresAt\n      state\n    }\n  }\n": types.RenewLeaseDocument,
    "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n": types.ReplyToConversationDocument,
    "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n": types.AddConversationNoteDocument,
    "\n  mutation EscalateConversation($input: EscalateConversationInput!) {\n    escalateConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n": types.EscalateConversationDocument,
    "\n  mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {\n    snoozeConversation(conversationId: $conversationId, until: $until) {\n      ...WorkedConversation\n    }\n  }\n": types.SnoozeConversationDocument,
    "\n  mutation ResolveConversation($conversationId: ID!) {\n    resolveConversation(conversationId: $conversationId) {\n      ...WorkedConversation\n    }\n  }\n": types.ResolveConversationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      displayName\n      email\n      abilities\n    }\n    brands {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      displayName\n      email\n      abilities\n    }\n    brands {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n        displayName\n      }\n      assignment {\n        ...RoleAssignmentFields\n      }\n      temporaryPassword\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n        displayName\n      }\n      assignment {\n        ...RoleAssignmentFields\n      }\n      temporaryPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...RoleAssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...RoleAssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      disabled\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($userId: ID!) {\n    disableUser(userId: $userId) {\n      id\n      disabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    scopePageId\n    scopeIds\n    brandId\n    userId\n    grantedAt\n  }\n"): (typeof documents)["\n  fragment RoleAssignmentFields on RoleAssignment {\n    id\n    role\n    scopePageId\n    scopeIds\n    brandId\n    userId\n    grantedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            ...RoleAssignmentFields\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query TeamUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges {\n        cursor\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            ...RoleAssignmentFields\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEntries($first: Int!, $after: String, $filter: AuditFilterInput) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          actorId\n          actorName\n          action\n          subjectType\n          subjectId\n          brandId\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AuditEntries($first: Int!, $after: String, $filter: AuditFilterInput) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          occurredAt\n          actorId\n          actorName\n          action\n          subjectType\n          subjectId\n          brandId\n          requestId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchivePage($id: ID!) {\n    archivePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ArchivePage($id: ID!) {\n    archivePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePage($id: ID!) {\n    restorePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePage($id: ID!) {\n    restorePage(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandTree($slug: String!) {\n    brand(slug: $slug) {\n      id\n      slug\n      name\n      audiences\n      defaultNetwork\n      segmentFallback\n      version\n      aliases {\n        id\n        country\n        network\n        marketPageId\n      }\n      pages {\n        ...PageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query BrandTree($slug: String!) {\n    brand(slug: $slug) {\n      id\n      slug\n      name\n      audiences\n      defaultNetwork\n      segmentFallback\n      version\n      aliases {\n        id\n        country\n        network\n        marketPageId\n      }\n      pages {\n        ...PageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      ...PageFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePage($input: CreatePageInput!) {\n    createPage(input: $input) {\n      ...PageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageFields on Page {\n    id\n    brandId\n    scopeIds\n    kind\n    parentId\n    network\n    name\n    url\n    country\n    languages\n    segment\n    status\n    defaultVariant\n    regionCountries\n    handle\n    externalId\n    description\n    keywords\n    pictureUrl\n    website\n    version\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PageFields on Page {\n    id\n    brandId\n    scopeIds\n    kind\n    parentId\n    network\n    name\n    url\n    country\n    languages\n    segment\n    status\n    defaultVariant\n    regionCountries\n    handle\n    externalId\n    description\n    keywords\n    pictureUrl\n    website\n    version\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMarketAlias($input: SetMarketAliasInput!) {\n    setMarketAlias(input: $input) {\n      id\n      country\n      network\n      marketPageId\n    }\n  }\n"): (typeof documents)["\n  mutation SetMarketAlias($input: SetMarketAliasInput!) {\n    setMarketAlias(input: $input) {\n      id\n      country\n      network\n      marketPageId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {\n    updatePage(id: $id, input: $input) {\n      ...PageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {\n    updatePage(id: $id, input: $input) {\n      ...PageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InsightsFiguresFields on InsightsFigures {\n    followers\n    followerGrowth\n    reach\n    engagements\n    engagementRate\n    conversedAuthors\n    conversationRate\n    itemsReceived\n    conversationsOpened\n    conversationsAnswered\n    conversationsResolved\n    responseRate\n    firstResponseP50Seconds\n    firstResponseP90Seconds\n    slaMet\n    slaBreached\n    slaAttainment\n    backlog\n  }\n"): (typeof documents)["\n  fragment InsightsFiguresFields on InsightsFigures {\n    followers\n    followerGrowth\n    reach\n    engagements\n    engagementRate\n    conversedAuthors\n    conversationRate\n    itemsReceived\n    conversationsOpened\n    conversationsAnswered\n    conversationsResolved\n    responseRate\n    firstResponseP50Seconds\n    firstResponseP90Seconds\n    slaMet\n    slaBreached\n    slaAttainment\n    backlog\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Insights($scopePageId: ID!, $range: InsightsRangeInput!) {\n    insights(scopePageId: $scopePageId, range: $range) {\n      scopePage {\n        id\n        name\n        kind\n      }\n      from\n      to\n      granularity\n      previousFrom\n      previousTo\n      totals {\n        ...InsightsFiguresFields\n      }\n      previous {\n        ...InsightsFiguresFields\n      }\n      series {\n        start\n        end\n        figures {\n          followers\n          conversationRate\n          firstResponseP50Seconds\n          firstResponseP90Seconds\n        }\n      }\n      funnel {\n        followers\n        reached\n        engaged\n        conversed\n        answeredWithinSla\n      }\n    }\n  }\n"): (typeof documents)["\n  query Insights($scopePageId: ID!, $range: InsightsRangeInput!) {\n    insights(scopePageId: $scopePageId, range: $range) {\n      scopePage {\n        id\n        name\n        kind\n      }\n      from\n      to\n      granularity\n      previousFrom\n      previousTo\n      totals {\n        ...InsightsFiguresFields\n      }\n      previous {\n        ...InsightsFiguresFields\n      }\n      series {\n        start\n        end\n        figures {\n          followers\n          conversationRate\n          firstResponseP50Seconds\n          firstResponseP90Seconds\n        }\n      }\n      funnel {\n        followers\n        reached\n        engaged\n        conversed\n        answeredWithinSla\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketComparison($scopePageId: ID!, $range: InsightsRangeInput!) {\n    marketComparison(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n        network\n      }\n      followers\n      followerGrowth\n      conversationRate\n      responseRate\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      slaAttainment\n      backlog\n      healthScore\n    }\n  }\n"): (typeof documents)["\n  query MarketComparison($scopePageId: ID!, $range: InsightsRangeInput!) {\n    marketComparison(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n        network\n      }\n      followers\n      followerGrowth\n      conversationRate\n      responseRate\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      slaAttainment\n      backlog\n      healthScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageHealth($scopePageId: ID!, $range: InsightsRangeInput!) {\n    pageHealth(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n      }\n      score\n      keys {\n        key\n        score\n      }\n      reasons {\n        key\n        code\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageHealth($scopePageId: ID!, $range: InsightsRangeInput!) {\n    pageHealth(scopePageId: $scopePageId, range: $range) {\n      page {\n        id\n        name\n        kind\n        country\n      }\n      score\n      keys {\n        key\n        score\n      }\n      reasons {\n        key\n        code\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PivotDemand($brandId: ID, $range: InsightsRangeInput!) {\n    pivotDemand(brandId: $brandId, range: $range) {\n      country\n      outcome\n      visitors\n      page {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PivotDemand($brandId: ID, $range: InsightsRangeInput!) {\n    pivotDemand(brandId: $brandId, range: $range) {\n      country\n      outcome\n      visitors\n      page {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PivotPreview($brandSlug: String!, $country: String, $lang: String, $segment: String, $network: String) {\n    pivotPreview(brandSlug: $brandSlug, country: $country, lang: $lang, segment: $segment, network: $network) {\n      trail\n      target {\n        id\n        kind\n        name\n        url\n        country\n        segment\n        languages\n      }\n    }\n  }\n"): (typeof documents)["\n  query PivotPreview($brandSlug: String!, $country: String, $lang: String, $segment: String, $network: String) {\n    pivotPreview(brandSlug: $brandSlug, country: $country, lang: $lang, segment: $segment, network: $network) {\n      trail\n      target {\n        id\n        kind\n        name\n        url\n        country\n        segment\n        languages\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarPost on Post {\n    id\n    state\n    body\n    publishAt\n    held\n    targets {\n      id\n      name\n      network\n      scopeIds\n    }\n  }\n"): (typeof documents)["\n  fragment CalendarPost on Post {\n    id\n    state\n    body\n    publishAt\n    held\n    targets {\n      id\n      name\n      network\n      scopeIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarPosts($first: Int!, $after: String, $filter: PostFilterInput!) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...CalendarPost\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query CalendarPosts($first: Int!, $after: String, $filter: PostFilterInput!) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...CalendarPost\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePost($id: ID!, $version: Int!, $input: UpdatePostInput!) {\n    updatePost(id: $id, version: $version, input: $input) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePost($id: ID!, $version: Int!, $input: UpdatePostInput!) {\n    updatePost(id: $id, version: $version, input: $input) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPost($id: ID!, $version: Int!) {\n    submitPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitPost($id: ID!, $version: Int!) {\n    submitPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawPost($id: ID!, $version: Int!, $comment: String) {\n    withdrawPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawPost($id: ID!, $version: Int!, $comment: String) {\n    withdrawPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePost($id: ID!, $version: Int!, $comment: String) {\n    approvePost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ApprovePost($id: ID!, $version: Int!, $comment: String) {\n    approvePost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPostChanges($id: ID!, $version: Int!, $comment: String!) {\n    requestPostChanges(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPostChanges($id: ID!, $version: Int!, $comment: String!) {\n    requestPostChanges(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPost($id: ID!, $version: Int!, $comment: String) {\n    rejectPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RejectPost($id: ID!, $version: Int!, $comment: String) {\n    rejectPost(id: $id, version: $version, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchivePost($id: ID!, $version: Int!) {\n    archivePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ArchivePost($id: ID!, $version: Int!) {\n    archivePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnPost($id: ID!, $comment: String!) {\n    commentOnPost(id: $id, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnPost($id: ID!, $comment: String!) {\n    commentOnPost(id: $id, comment: $comment) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulePost($id: ID!, $version: Int!, $publishAt: DateTime!) {\n    schedulePost(id: $id, version: $version, publishAt: $publishAt) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SchedulePost($id: ID!, $version: Int!, $publishAt: DateTime!) {\n    schedulePost(id: $id, version: $version, publishAt: $publishAt) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnschedulePost($id: ID!, $version: Int!) {\n    unschedulePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UnschedulePost($id: ID!, $version: Int!) {\n    unschedulePost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryPost($id: ID!, $version: Int!) {\n    retryPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RetryPost($id: ID!, $version: Int!) {\n    retryPost(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostSummary on Post {\n    id\n    state\n    body\n    locale\n    authorId\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    targets {\n      id\n      name\n      kind\n      network\n      scopeIds\n    }\n  }\n"): (typeof documents)["\n  fragment PostSummary on Post {\n    id\n    state\n    body\n    locale\n    authorId\n    version\n    createdAt\n    updatedAt\n    submittedAt\n    targets {\n      id\n      name\n      kind\n      network\n      scopeIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Posts($first: Int!, $after: String, $filter: PostFilterInput) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Posts($first: Int!, $after: String, $filter: PostFilterInput) {\n    posts(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalsInbox($first: Int!, $after: String) {\n    approvalsInbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ApprovalsInbox($first: Int!, $after: String) {\n    approvalsInbox(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PostSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostDetail on Post {\n    ...PostSummary\n    brandId\n    link\n    scopeIds\n    parentPostId\n    publishAt\n    held\n    allowedActions\n    canDecide\n    parentPostId\n    parentPost {\n      id\n      body\n    }\n    globalChanged\n    globalDiff {\n      op\n      text\n    }\n    guardrails {\n      blocking\n      issues {\n        code\n        severity\n        message\n        field\n        start\n        end\n        network\n      }\n    }\n    approvalPath {\n      preview\n      currentStepId\n      steps {\n        id\n        name\n        mode\n        approvers\n        status\n        approvedBy\n        requiredUserIds\n        problem\n      }\n    }\n    timeline {\n      id\n      kind\n      actorId\n      actorName\n      occurredAt\n      fromState\n      toState\n      stepId\n      comment\n      version\n    }\n  }\n"): (typeof documents)["\n  fragment PostDetail on Post {\n    ...PostSummary\n    brandId\n    link\n    scopeIds\n    parentPostId\n    publishAt\n    held\n    allowedActions\n    canDecide\n    parentPostId\n    parentPost {\n      id\n      body\n    }\n    globalChanged\n    globalDiff {\n      op\n      text\n    }\n    guardrails {\n      blocking\n      issues {\n        code\n        severity\n        message\n        field\n        start\n        end\n        network\n      }\n    }\n    approvalPath {\n      preview\n      currentStepId\n      steps {\n        id\n        name\n        mode\n        approvers\n        status\n        approvedBy\n        requiredUserIds\n        problem\n      }\n    }\n    timeline {\n      id\n      kind\n      actorId\n      actorName\n      occurredAt\n      fromState\n      toState\n      stepId\n      comment\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Post($id: ID!) {\n    post(id: $id) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  query Post($id: ID!) {\n    post(id: $id) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublishingFreezeFields on PublishingFreeze {\n    id\n    brandId\n    marketPageId\n    reason\n    frozenById\n    createdAt\n  }\n"): (typeof documents)["\n  fragment PublishingFreezeFields on PublishingFreeze {\n    id\n    brandId\n    marketPageId\n    reason\n    frozenById\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishingFreezes($brandId: ID!) {\n    publishingFreezes(brandId: $brandId) {\n      ...PublishingFreezeFields\n    }\n  }\n"): (typeof documents)["\n  query PublishingFreezes($brandId: ID!) {\n    publishingFreezes(brandId: $brandId) {\n      ...PublishingFreezeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPublishingFreeze($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {\n    setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) {\n      ...PublishingFreezeFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetPublishingFreeze($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {\n    setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) {\n      ...PublishingFreezeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishingRules($brandId: ID!) {\n    brandGuardrails(brandId: $brandId) {\n      brandId\n      bannedTerms\n      requiredHashtags\n      missingHashtagSeverity\n      allowedLinkDomains\n    }\n    approvalPolicies(brandId: $brandId) {\n      id\n      country\n      version\n      steps {\n        id\n        name\n        mode\n        role\n        scope\n        userIds\n        when\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishingRules($brandId: ID!) {\n    brandGuardrails(brandId: $brandId) {\n      brandId\n      bannedTerms\n      requiredHashtags\n      missingHashtagSeverity\n      allowedLinkDomains\n    }\n    approvalPolicies(brandId: $brandId) {\n      id\n      country\n      version\n      steps {\n        id\n        name\n        mode\n        role\n        scope\n        userIds\n        when\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CascadeJobFields on CascadeJob {\n    id\n    postId\n    state\n    total\n    done\n    failed\n    errors {\n      pageId\n      code\n      message\n    }\n    createdAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment CascadeJobFields on CascadeJob {\n    id\n    postId\n    state\n    total\n    done\n    failed\n    errors {\n      pageId\n      code\n      message\n    }\n    createdAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CascadeJob($id: ID!) {\n    cascadeJob(id: $id) {\n      ...CascadeJobFields\n    }\n  }\n"): (typeof documents)["\n  query CascadeJob($id: ID!) {\n    cascadeJob(id: $id) {\n      ...CascadeJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CascadePost($input: CascadePostInput!) {\n    cascadePost(input: $input) {\n      ...CascadeJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation CascadePost($input: CascadePostInput!) {\n    cascadePost(input: $input) {\n      ...CascadeJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rollout($postId: ID!) {\n    rollout(postId: $postId) {\n      post {\n        id\n        body\n        state\n        version\n      }\n      latestJob {\n        ...CascadeJobFields\n      }\n      cells {\n        state\n        globalChanged\n        diff {\n          op\n          text\n        }\n        market {\n          id\n          name\n          country\n          network\n        }\n        targetPage {\n          id\n          name\n          kind\n          segment\n        }\n        child {\n          id\n          state\n          body\n          locale\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Rollout($postId: ID!) {\n    rollout(postId: $postId) {\n      post {\n        id\n        body\n        state\n        version\n      }\n      latestJob {\n        ...CascadeJobFields\n      }\n      cells {\n        state\n        globalChanged\n        diff {\n          op\n          text\n        }\n        market {\n          id\n          name\n          country\n          network\n        }\n        targetPage {\n          id\n          name\n          kind\n          segment\n        }\n        child {\n          id\n          state\n          body\n          locale\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeGlobalChange($id: ID!, $version: Int!) {\n    acknowledgeGlobalChange(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeGlobalChange($id: ID!, $version: Int!) {\n    acknowledgeGlobalChange(id: $id, version: $version) {\n      ...PostDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CannedResponseFields on CannedResponse {\n    id\n    name\n    scopePageId\n    version\n    variants {\n      language\n      body\n    }\n  }\n"): (typeof documents)["\n  fragment CannedResponseFields on CannedResponse {\n    id\n    name\n    scopePageId\n    version\n    variants {\n      language\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CannedResponses($pageId: ID) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          ...CannedResponseFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CannedResponses($pageId: ID) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          ...CannedResponseFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) {\n      ...CannedResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {\n    createCannedResponse(input: $input) {\n      ...CannedResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) {\n      ...CannedResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {\n    updateCannedResponse(id: $id, input: $input) {\n      ...CannedResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCannedResponse($id: ID!) {\n    deleteCannedResponse(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationClaimChanged($queueId: ID) {\n    conversationClaimChanged(queueId: $queueId) {\n      conversationId\n      holderId\n      leaseExpiresAt\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationClaimChanged($queueId: ID) {\n    conversationClaimChanged(queueId: $queueId) {\n      conversationId\n      holderId\n      leaseExpiresAt\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationCounts($pageId: ID) {\n    open: conversations(first: 200, filter: { pageId: $pageId, states: [OPEN] }) {\n      totalCount\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          firstItemAt\n          lastItemAt\n        }\n      }\n    }\n    assigned: conversations(first: 1, filter: { pageId: $pageId, states: [ASSIGNED] }) {\n      totalCount\n    }\n    waitingCustomer: conversations(first: 1, filter: { pageId: $pageId, states: [WAITING_CUSTOMER] }) {\n      totalCount\n    }\n    snoozed: conversations(first: 1, filter: { pageId: $pageId, states: [SNOOZED] }) {\n      totalCount\n    }\n    escalated: conversations(first: 1, filter: { pageId: $pageId, states: [ESCALATED] }) {\n      totalCount\n    }\n    resolved: conversations(first: 1, filter: { pageId: $pageId, states: [RESOLVED] }) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ConversationCounts($pageId: ID) {\n    open: conversations(first: 200, filter: { pageId: $pageId, states: [OPEN] }) {\n      totalCount\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          firstItemAt\n          lastItemAt\n        }\n      }\n    }\n    assigned: conversations(first: 1, filter: { pageId: $pageId, states: [ASSIGNED] }) {\n      totalCount\n    }\n    waitingCustomer: conversations(first: 1, filter: { pageId: $pageId, states: [WAITING_CUSTOMER] }) {\n      totalCount\n    }\n    snoozed: conversations(first: 1, filter: { pageId: $pageId, states: [SNOOZED] }) {\n      totalCount\n    }\n    escalated: conversations(first: 1, filter: { pageId: $pageId, states: [ESCALATED] }) {\n      totalCount\n    }\n    resolved: conversations(first: 1, filter: { pageId: $pageId, states: [RESOLVED] }) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationReceived($pageId: ID) {\n    conversationReceived(pageId: $pageId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationReceived($pageId: ID) {\n    conversationReceived(pageId: $pageId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    network\n    brandId\n    pageId\n    threadId\n    authorId\n    authorName\n    state\n    queueId\n    itemCount\n    firstItemAt\n    lastItemAt\n    assigneeId\n    leaseExpiresAt\n    language\n    priority\n    tags\n    snoozedUntil\n    escalatedToManager\n    responseDueAt\n  }\n"): (typeof documents)["\n  fragment ConversationFields on Conversation {\n    id\n    network\n    brandId\n    pageId\n    threadId\n    authorId\n    authorName\n    state\n    queueId\n    itemCount\n    firstItemAt\n    lastItemAt\n    assigneeId\n    leaseExpiresAt\n    language\n    priority\n    tags\n    snoozedUntil\n    escalatedToManager\n    responseDueAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int!, $after: String, $filter: ConversationFilterInput) {\n    conversations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int!, $after: String, $filter: ConversationFilterInput) {\n    conversations(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueOverviewFields on QueueOverview {\n    queueId\n    queueName\n    brandId\n    scopePageId\n    marketPageId\n    marketName\n    counts {\n      open\n      assigned\n      waitingCustomer\n      snoozed\n      escalated\n      resolved\n    }\n    waiting\n    oldestWaitingAt\n    slaAtRisk\n    slaBreached\n  }\n"): (typeof documents)["\n  fragment QueueOverviewFields on QueueOverview {\n    queueId\n    queueName\n    brandId\n    scopePageId\n    marketPageId\n    marketName\n    counts {\n      open\n      assigned\n      waitingCustomer\n      snoozed\n      escalated\n      resolved\n    }\n    waiting\n    oldestWaitingAt\n    slaAtRisk\n    slaBreached\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueOverview($brandId: ID!, $first: Int!, $after: String) {\n    queueOverview(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueOverviewFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query QueueOverview($brandId: ID!, $first: Int!, $after: String) {\n    queueOverview(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueOverviewFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription QueueCountsChanged($queueId: ID) {\n    queueCountsChanged(queueId: $queueId) {\n      ...QueueOverviewFields\n    }\n  }\n"): (typeof documents)["\n  subscription QueueCountsChanged($queueId: ID) {\n    queueCountsChanged(queueId: $queueId) {\n      ...QueueOverviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyQueueFields on ReplyQueue {\n    id\n    brandId\n    scopePageId\n    scopeIds\n    name\n    isDefault\n    firstResponseMinutes\n    nextResponseMinutes\n    assignmentMode\n    breachEscalation\n    breachQueueId\n    waitingCount\n    version\n    businessHours {\n      timeZone\n      days {\n        day\n        intervals {\n          start\n          end\n        }\n      }\n      holidays\n    }\n    members {\n      userId\n      displayName\n      capacity\n      languages\n    }\n  }\n"): (typeof documents)["\n  fragment ReplyQueueFields on ReplyQueue {\n    id\n    brandId\n    scopePageId\n    scopeIds\n    name\n    isDefault\n    firstResponseMinutes\n    nextResponseMinutes\n    assignmentMode\n    breachEscalation\n    breachQueueId\n    waitingCount\n    version\n    businessHours {\n      timeZone\n      days {\n        day\n        intervals {\n          start\n          end\n        }\n      }\n      holidays\n    }\n    members {\n      userId\n      displayName\n      capacity\n      languages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplyQueues($first: Int!, $after: String) {\n    replyQueues(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReplyQueueFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ReplyQueues($first: Int!, $after: String) {\n    replyQueues(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReplyQueueFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberCandidates {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            role\n            brandId\n            scopePageId\n            scopeIds\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberCandidates {\n    users(first: 200) {\n      edges {\n        node {\n          id\n          email\n          displayName\n          disabled\n          roles {\n            role\n            brandId\n            scopePageId\n            scopeIds\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReplyQueue($input: CreateReplyQueueInput!) {\n    createReplyQueue(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReplyQueue($input: CreateReplyQueueInput!) {\n    createReplyQueue(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReplyQueue($id: ID!, $input: UpdateReplyQueueInput!) {\n    updateReplyQueue(id: $id, input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateReplyQueue($id: ID!, $input: UpdateReplyQueueInput!) {\n    updateReplyQueue(id: $id, input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQueueMember($input: SetQueueMemberInput!) {\n    setQueueMember(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetQueueMember($input: SetQueueMemberInput!) {\n    setQueueMember(input: $input) {\n      ...ReplyQueueFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveQueueMember($queueId: ID!, $userId: ID!) {\n    removeQueueMember(queueId: $queueId, userId: $userId) {\n      ...ReplyQueueFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveQueueMember($queueId: ID!, $userId: ID!) {\n    removeQueueMember(queueId: $queueId, userId: $userId) {\n      ...ReplyQueueFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    position\n    scopePageId\n    queueId\n    priority\n    tags\n    enabled\n    version\n    conditions {\n      keywords\n      languages\n      networks\n      countries\n      segments\n      authorFlags\n      pattern {\n        source\n        flags\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    position\n    scopePageId\n    queueId\n    priority\n    tags\n    enabled\n    version\n    conditions {\n      keywords\n      languages\n      networks\n      countries\n      segments\n      authorFlags\n      pattern {\n        source\n        flags\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingRules($scopePageId: ID) {\n    routingRules(scopePageId: $scopePageId, first: 50) {\n      edges {\n        node {\n          ...RoutingRuleFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoutingRules($scopePageId: ID) {\n    routingRules(scopePageId: $scopePageId, first: 50) {\n      edges {\n        node {\n          ...RoutingRuleFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRoutingRule($id: ID!, $input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(id: $id, input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRoutingRule($id: ID!, $input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(id: $id, input: $input) {\n      ...RoutingRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveRoutingRule($id: ID!, $position: Int!) {\n    moveRoutingRule(id: $id, position: $position) {\n      ...RoutingRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation MoveRoutingRule($id: ID!, $position: Int!) {\n    moveRoutingRule(id: $id, position: $position) {\n      ...RoutingRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRouting($input: TestRoutingInput!) {\n    testRouting(input: $input) {\n      ruleId\n      ruleName\n      queueId\n      queueName\n      priority\n      tags\n      trail\n    }\n  }\n"): (typeof documents)["\n  query TestRouting($input: TestRoutingInput!) {\n    testRouting(input: $input) {\n      ruleId\n      ruleName\n      queueId\n      queueName\n      priority\n      tags\n      trail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkedConversation on Conversation {\n    ...ConversationFields\n  }\n"): (typeof documents)["\n  fragment WorkedConversation on Conversation {\n    ...ConversationFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceQueues {\n    replyQueues(first: 100) {\n      edges {\n        node {\n          id\n          brandId\n          name\n          scopePageId\n          scopeIds\n          isDefault\n          waitingCount\n          members {\n            userId\n            displayName\n            capacity\n            languages\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceQueues {\n    replyQueues(first: 100) {\n      edges {\n        node {\n          id\n          brandId\n          name\n          scopePageId\n          scopeIds\n          isDefault\n          waitingCount\n          members {\n            userId\n            displayName\n            capacity\n            languages\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeldConversations {\n    conversations(first: 20, filter: { states: [ASSIGNED] }) {\n      edges {\n        node {\n          ...WorkedConversation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HeldConversations {\n    conversations(first: 20, filter: { states: [ASSIGNED] }) {\n      edges {\n        node {\n          ...WorkedConversation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationHistory($conversationId: ID!) {\n    conversationItems(conversationId: $conversationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          text\n          authorName\n          language\n          occurredAt\n        }\n      }\n    }\n    conversationNotes(conversationId: $conversationId, first: 100) {\n      edges {\n        node {\n          id\n          authorId\n          text\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationHistory($conversationId: ID!) {\n    conversationItems(conversationId: $conversationId, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          text\n          authorName\n          language\n          occurredAt\n        }\n      }\n    }\n    conversationNotes(conversationId: $conversationId, first: 100) {\n      edges {\n        node {\n          id\n          authorId\n          text\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsableCannedResponses($pageId: ID!) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopePage {\n            id\n            name\n          }\n          variants {\n            language\n            body\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsableCannedResponses($pageId: ID!) {\n    cannedResponses(pageId: $pageId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopePage {\n            id\n            name\n          }\n          variants {\n            language\n            body\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimNext($queueId: ID!) {\n    claimNext(queueId: $queueId) {\n      ...WorkedConversation\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimNext($queueId: ID!) {\n    claimNext(queueId: $queueId) {\n      ...WorkedConversation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewLease($conversationId: ID!) {\n    renewLease(conversationId: $conversationId) {\n      id\n      assigneeId\n      leaseExpiresAt\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RenewLease($conversationId: ID!) {\n    renewLease(conversationId: $conversationId) {\n      id\n      assigneeId\n      leaseExpiresAt\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddConversationNote($conversationId: ID!, $text: String!) {\n    addConversationNote(conversationId: $conversationId, text: $text) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateConversation($input: EscalateConversationInput!) {\n    escalateConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n"): (typeof documents)["\n  mutation EscalateConversation($input: EscalateConversationInput!) {\n    escalateConversation(input: $input) {\n      ...WorkedConversation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {\n    snoozeConversation(conversationId: $conversationId, until: $until) {\n      ...WorkedConversation\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {\n    snoozeConversation(conversationId: $conversationId, until: $until) {\n      ...WorkedConversation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveConversation($conversationId: ID!) {\n    resolveConversation(conversationId: $conversationId) {\n      ...WorkedConversation\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveConversation($conversationId: ID!) {\n    resolveConversation(conversationId: $conversationId) {\n      ...WorkedConversation\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;