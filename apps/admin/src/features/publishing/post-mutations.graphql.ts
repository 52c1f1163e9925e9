import { graphql } from '../../gql';

// Every write answers with the whole post, so the cache holds its new state, path and timeline.

export const CreatePostMutation = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      ...PostDetail
    }
  }
`);

export const UpdatePostMutation = graphql(`
  mutation UpdatePost($id: ID!, $version: Int!, $input: UpdatePostInput!) {
    updatePost(id: $id, version: $version, input: $input) {
      ...PostDetail
    }
  }
`);

export const SubmitPostMutation = graphql(`
  mutation SubmitPost($id: ID!, $version: Int!) {
    submitPost(id: $id, version: $version) {
      ...PostDetail
    }
  }
`);

export const WithdrawPostMutation = graphql(`
  mutation WithdrawPost($id: ID!, $version: Int!, $comment: String) {
    withdrawPost(id: $id, version: $version, comment: $comment) {
      ...PostDetail
    }
  }
`);

export const ApprovePostMutation = graphql(`
  mutation ApprovePost($id: ID!, $version: Int!, $comment: String) {
    approvePost(id: $id, version: $version, comment: $comment) {
      ...PostDetail
    }
  }
`);

export const RequestPostChangesMutation = graphql(`
  mutation RequestPostChanges($id: ID!, $version: Int!, $comment: String!) {
    requestPostChanges(id: $id, version: $version, comment: $comment) {
      ...PostDetail
    }
  }
`);

export const RejectPostMutation = graphql(`
  mutation RejectPost($id: ID!, $version: Int!, $comment: String) {
    rejectPost(id: $id, version: $version, comment: $comment) {
      ...PostDetail
    }
  }
`);

export const ArchivePostMutation = graphql(`
  mutation ArchivePost($id: ID!, $version: Int!) {
    archivePost(id: $id, version: $version) {
      ...PostDetail
    }
  }
`);

export const CommentOnPostMutation = graphql(`
  mutation CommentOnPost($id: ID!, $comment: String!) {
    commentOnPost(id: $id, comment: $comment) {
      ...PostDetail
    }
  }
`);
