-- Analyst views. A visit reported by several portals (one dedupe story) or revised several
-- times counts once: visit_events keeps one visit per story (per URL when dedupe did not run),
-- taken from the newest revision of the story's representative article.

CREATE VIEW visit_events AS
SELECT DISTINCT ON (coalesce(a.story_id, 'url:' || a.url))
       v.*,
       a.url,
       a.portal,
       a.title,
       a.published,
       coalesce(v.start_date, (a.published AT TIME ZONE 'Asia/Shanghai')::date) AS visit_date
FROM visits v
JOIN articles a ON a.id = v.article_id
ORDER BY coalesce(a.story_id, 'url:' || a.url),
         (a.duplicate_of IS NULL) DESC,
         a.published NULLS LAST,
         a.url,
         a.revision DESC NULLS LAST,
         a.fetched_at DESC;

-- Host province by month (visits are counted where they happen).
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
-- Places without a resolved code are kept apart by name.
GROUP BY e.visitor_code, CASE WHEN e.visitor_code IS NULL THEN e.visitor_name END,
         e.host_code, CASE WHEN e.host_code IS NULL THEN e.host_name END;

CREATE VIEW story_portals AS
SELECT s.story_id,
       s.title,
       s.first_published,
       array_agg(DISTINCT a.portal ORDER BY a.portal) AS portals,
       count(DISTINCT a.url) AS articles
FROM stories s
JOIN articles a ON a.story_id = s.story_id
GROUP BY s.story_id, s.title, s.first_published;
