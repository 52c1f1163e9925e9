import { graphql } from '../../gql';

export const SchedulePostMutation = graphql(`
  mutation SchedulePost($id: ID!, $version: Int!, $publishAt: DateTime!) {
    schedulePost(id: $id, version: $version, publishAt: $publishAt) {
      ...PostDetail
    }
  }
`);

export const UnschedulePostMutation = graphql(`
  mutation UnschedulePost($id: ID!, $version: Int!) {
    unschedulePost(id: $id, version: $version) {
      ...PostDetail
    }
  }
`);

export const RetryPostMutation = graphql(`
  mutation RetryPost($id: ID!, $version: Int!) {
    retryPost(id: $id, version: $version) {
      ...PostDetail
    }
  }
`);
