-- One visit, many reports: reports of the same visit (same visitor and host, overlapping
-- dates; events/visits.py) share visit_id, and the analyst views count visits, not reports.

ALTER TABLE visits ADD COLUMN visit_id text;
CREATE INDEX visits_visit_id ON visits (visit_id);

DROP VIEW visit_edges;
DROP VIEW visits_per_month_province;
DROP VIEW visit_events;

-- One row per visit: the earliest original report of it (a visit without visit_id, written
-- before this migration, stands for itself per story as before).
CREATE VIEW visit_events AS
SELECT DISTINCT ON (coalesce(v.visit_id, a.story_id, 'url:' || a.url))
       v.*,
       a.url,
       a.portal,
       a.title,
       a.published,
       coalesce(v.start_date, (a.published AT TIME ZONE 'Asia/Shanghai')::date) AS visit_date
FROM visits v
JOIN articles a ON a.id = v.article_id
ORDER BY coalesce(v.visit_id, a.story_id, 'url:' || a.url),
         (a.duplicate_of IS NULL) DESC,
         a.published NULLS LAST,
         a.url,
         a.revision DESC NULLS LAST,
         a.fetched_at DESC;

-- Every report of each visit.
CREATE VIEW visit_reports AS
SELECT coalesce(v.visit_id, a.story_id, 'url:' || a.url) AS visit_key,
       count(DISTINCT a.url) AS reports,
       array_agg(DISTINCT a.url ORDER BY a.url) AS urls,
       array_agg(DISTINCT a.portal ORDER BY a.portal) AS portals
FROM visits v
JOIN articles a ON a.id = v.article_id
GROUP BY 1;

CREATE VIEW visits_per_month_province AS
SELECT date_trunc('month', e.visit_date)::date AS month,
       coalesce(e.host_province, p.name, '(unknown)') AS province,
       count(*) AS visits
FROM visit_events e
LEFT JOIN places p ON p.code = left(e.host_code, 2) || '0000'
WHERE e.visit_date IS NOT NULL
GROUP BY 1, 2;

CREATE VIEW visit_edges AS
SELECT e.visitor_code,
       min(e.visitor_name) AS visitor_name,
       e.host_code,
       min(e.host_name) AS host_name,
       count(*) AS visits,
       min(e.visit_date) AS first_visit,
       max(e.visit_date) AS last_visit
FROM visit_events e
GROUP BY e.visitor_code, CASE WHEN e.visitor_code IS NULL THEN e.visitor_name END,
         e.host_code, CASE WHEN e.host_code IS NULL THEN e.host_name END;
