-- Queries to start from, run by DuckDB on the dataset `tifa corpus … --out out` wrote: open `duckdb`
-- in the folder that holds out/ and paste one. For Parquet, write read_parquet('out/occurrences.parquet')
-- for read_json('out/occurrences.jsonl'); for shards, a glob: read_json('out-*/occurrences.jsonl').
-- cli/stats/stats.test.ts runs each query as written here; the README quotes them.

-- 1. Each phrase's rate per 10,000 Han characters and share of documents, by month (as `tifa stats`).
WITH months AS (
  SELECT coalesce(left(CAST(date AS VARCHAR), 7), '') AS month, count(*) AS documents, sum(han_chars) AS han_chars
  FROM read_json('out/documents.jsonl')
  GROUP BY month
), hits AS (
  SELECT coalesce(left(CAST(date AS VARCHAR), 7), '') AS month, phrase_id, any_value(canonical) AS canonical,
    count(*) AS occurrences, count(DISTINCT doc_id) AS documents
  FROM read_json('out/occurrences.jsonl')
  GROUP BY month, phrase_id
)
SELECT month, phrase_id, canonical, hits.occurrences, hits.documents, months.han_chars,
  round(10000 * hits.occurrences / months.han_chars, 4) AS rate_per_10k,
  round(hits.documents / months.documents, 4) AS doc_share
FROM hits JOIN months USING (month)
ORDER BY month, occurrences DESC, phrase_id;

-- 2. The documents that use one phrase most.
SELECT doc_id, d.date, d.source, count(*) AS occurrences, d.han_chars,
  round(10000 * count(*) / d.han_chars, 2) AS rate_per_10k
FROM read_json('out/occurrences.jsonl') AS o
JOIN read_json('out/documents.jsonl') AS d USING (doc_id)
WHERE o.phrase_id = 'zuihou-yigongli'
GROUP BY doc_id, d.date, d.source, d.han_chars
ORDER BY occurrences DESC, doc_id
LIMIT 20;

-- 3. How one phrase is written, year by year: its surface forms and their script.
SELECT coalesce(left(CAST(date AS VARCHAR), 4), '') AS year, surface, script, count(*) AS occurrences
FROM read_json('out/occurrences.jsonl')
WHERE phrase_id = 'zuihou-yigongli'
GROUP BY year, surface, script
ORDER BY year, occurrences DESC, surface;
