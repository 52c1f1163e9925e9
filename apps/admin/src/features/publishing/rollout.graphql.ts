import { graphql } from '../../gql';

/** A cascade job's progress and the pages it could not localize. */
export const CascadeJobFieldsFragment = graphql(`
  fragment CascadeJobFields on CascadeJob {
    id
    postId
    state
    total
    done
    failed
    errors {
      pageId
      code
      message
    }
    createdAt
    finishedAt
  }
`);

/** Polled by the cascade dialog while the job is QUEUED or RUNNING. */
export const CascadeJobQuery = graphql(`
  query CascadeJob($id: ID!) {
    cascadeJob(id: $id) {
      ...CascadeJobFields
    }
  }
`);

/** Queues one localized child per target page; answers at once with the QUEUED job. */
export const CascadePostMutation = graphql(`
  mutation CascadePost($input: CascadePostInput!) {
    cascadePost(input: $input) {
      ...CascadeJobFields
    }
  }
`);

/** The rollout board of a global post: a cell per market the caller reads. */
export const RolloutQuery = graphql(`
  query Rollout($postId: ID!) {
    rollout(postId: $postId) {
      post {
        id
        body
        state
        version
      }
      latestJob {
        ...CascadeJobFields
      }
      cells {
        state
        globalChanged
        diff {
          op
          text
        }
        market {
          id
          name
          country
          network
        }
        targetPage {
          id
          name
          kind
          segment
        }
        child {
          id
          state
          body
          locale
        }
      }
    }
  }
`);

/** On a cascade child: it now localizes the global post as it stands. */
export const AcknowledgeGlobalChangeMutation = graphql(`
  mutation AcknowledgeGlobalChange($id: ID!, $version: Int!) {
    acknowledgeGlobalChange(id: $id, version: $version) {
      ...PostDetail
    }
  }
`);
