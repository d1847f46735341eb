#!/usr/bin/env python3
"""The yardstick of docs/performance.md: the benchmark's checks as DuckDB SQL.

usage: bench-duckdb.py PLAN.json DATA.csv [OUT.jsonl]

Judges the same workload as `check` does with the benchmark plan (90 targets, 10 maintained
ranges, a monthly report due on day 25 of the next month, as of 2027-01-01) and writes one
JSON finding per line. Only the comparisons the benchmark plan uses are translated.
"""
import json
import re
import sys

import duckdb

plan_path, data_path = sys.argv[1], sys.argv[2]
out_path = sys.argv[3] if len(sys.argv) > 3 else data_path + ".duckdb.jsonl"
plan = json.load(open(plan_path, encoding="utf-8"))

def condition(text):
    m = re.fullmatch(r"between (\S+) and (\S+)", text)
    if m:
        return f"value BETWEEN {float(m[1])} AND {float(m[2])}"
    op, x = text.split()
    return f"value {op} {float(x)}"

rules = []
for r in plan["rules"]:
    kind = "target" if "target" in r else "maintain"
    rules.append((r["id"], r["indicator"], kind, condition(r[kind])))

con = duckdb.connect()
con.execute("SET threads = 2")
con.execute(f"""
    CREATE TABLE obs AS SELECT * FROM read_csv('{data_path}', header = true,
        columns = {{'unit': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'DOUBLE', 'submitted': 'DATE'}})
    WHERE submitted <= DATE '2027-01-01'
""")
con.execute("CREATE TABLE rules (id VARCHAR, indicator VARCHAR, kind VARCHAR, cond VARCHAR)")
con.executemany("INSERT INTO rules VALUES (?, ?, ?, ?)", rules)

cases = " ".join(f"WHEN '{rid}' THEN {cond}" for rid, _, _, cond in rules)
findings = con.execute(f"""
    WITH latest AS (
        SELECT unit, indicator, arg_max(value, period) AS value, max(period) AS period
        FROM obs GROUP BY unit, indicator
    ),
    judged AS (
        SELECT 'target-missed' AS code, r.id AS rule, l.unit, l.period, l.value,
               CASE r.id {cases} END AS ok
        FROM latest l JOIN rules r ON r.indicator = l.indicator AND r.kind = 'target'
        UNION ALL
        SELECT 'maintain-broken', r.id, o.unit, o.period, o.value, CASE r.id {cases} END
        FROM obs o JOIN rules r ON r.indicator = o.indicator AND r.kind = 'maintain'
    ),
    months AS (SELECT DISTINCT unit FROM obs),
    expected AS (
        SELECT m.unit, '2026-' || lpad(CAST(k AS VARCHAR), 2, '0') AS period,
               CAST(make_date(2026, k, 1) + INTERVAL 1 MONTH + INTERVAL 24 DAY AS DATE) AS due
        FROM months m, range(1, 13) t(k)
    ),
    submissions AS (SELECT unit, period, min(submitted) AS submitted FROM obs GROUP BY unit, period),
    reports AS (
        SELECT CASE WHEN s.submitted IS NULL THEN 'report-missing' ELSE 'report-late' END AS code,
               'monthly' AS rule, e.unit, e.period, NULL::DOUBLE AS value, FALSE AS ok
        FROM expected e LEFT JOIN submissions s USING (unit, period)
        WHERE e.due < DATE '2027-01-01' AND (s.submitted IS NULL OR s.submitted > e.due)
    )
    SELECT code, rule, unit, period, value FROM judged WHERE NOT ok
    UNION ALL SELECT code, rule, unit, period, value FROM reports
    ORDER BY unit, rule, period, code
""").fetchall()

with open(out_path, "w", encoding="utf-8") as out:
    for code, rule, unit, period, value in findings:
        out.write(json.dumps({"code": code, "rule": rule, "unit": unit, "period": period, "actual": value}) + "\n")

