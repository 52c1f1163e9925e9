/**
 * `$2` SCHEDULED posts on the demo's FR page, due at `$3`, bodies starting with `$1`, written
 * straight into the tables as the approval flow leaves them (their pending sends included);
 * returns each send's post_id and page_id, for its pg-boss job in the same transaction. For the
 * publish benchmark and the tests that publish many posts at once; never run by the app.
 */
export const DUE_POSTS_SQL = `WITH fr AS (SELECT id, brand_id, scope_ids FROM pages WHERE external_id = 'fb-northwind.fr'),
     author AS (SELECT id FROM users WHERE email = 'fr.publisher@northwind.example'),
     made AS (
       INSERT INTO posts (id, brand_id, scope_ids, body, locale, publish_at, author_id, state, version)
       SELECT gen_random_uuid(), fr.brand_id, fr.scope_ids, $1 || ' ' || i || ' #northwind', 'fr-FR', $3, author.id, 'SCHEDULED', 3
       FROM generate_series(1, $2::int) AS i, fr, author
       RETURNING id),
     targets AS (INSERT INTO post_targets (post_id, page_id) SELECT made.id, fr.id FROM made, fr)
INSERT INTO post_publications (post_id, page_id, state, idempotency_key, next_attempt_at)
SELECT made.id, fr.id, 'PENDING', made.id || ':' || fr.id, $3 FROM made, fr
RETURNING post_id, page_id`;
