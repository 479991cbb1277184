import { useMemo } from 'preact/hooks';
import type { HistoryEntry, ReplyScore } from '../../history/types';
import { progress, type RuleTrend } from '../../review/progress';
import { Chart, type ChartSeries, shortDate } from './Chart';

/** Colours in the palette (`--rv-series-0` …); more rules than this are summed as "Other rules". */
const PALETTE = 7;

export interface ProgressProps {
  entries: readonly HistoryEntry[];
  scores: readonly ReplyScore[];
  now: number;
  ruleName(ruleId: string): string;
}

const percent = (v: number) => `${Math.round(v)}%`;
const whole = (v: number) => String(Math.round(v));
const PERCENT_RANGE: [number, number] = [0, 100];

/** Flags per rule per week, fix rate and average tone score over 12 weeks; rules improving and still frequent. */
export function Progress({ entries, scores, now, ruleName }: ProgressProps) {
  const p = useMemo(() => progress(entries, scores, now), [entries, scores, now]);
  const flagSeries = useMemo((): ChartSeries[] => {
    const ranked = Object.entries(p.flagsByRule)
      .map(([id, values]) => ({ id, values, total: values.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
    const top = ranked.length > PALETTE + 1 ? ranked.slice(0, PALETTE) : ranked;
    const rest = ranked.slice(top.length);
    const series = top.map((r, i) => ({ label: ruleName(r.id), values: r.values, colorVar: `--rv-series-${i}` }));
    if (rest.length) {
      series.push({
        label: 'Other rules',
        values: p.weeks.map((_, w) => rest.reduce((n, r) => n + r.values[w]!, 0)),
        colorVar: `--rv-series-${PALETTE}`,
      });
    }
    return series;
  }, [p, ruleName]);
  const fixSeries = useMemo(
    (): ChartSeries[] => [
      { label: 'Fixed', values: p.fixRate.map((r) => (r === null ? null : r * 100)), colorVar: '--rv-fixed' },
    ],
    [p],
  );
  const scoreSeries = useMemo(
    (): ChartSeries[] => [{ label: 'Average tone score', values: p.averageScore, colorVar: '--rv-score' }],
    [p],
  );

  const anything = flagSeries.length > 0 || p.averageScore.some((s) => s !== null);
  if (!anything) {
    return (
      <p class="rv-empty">
        Progress appears here once Tactful has coached some of your replies: flags per rule, how many you fixed and your
        tone score, week by week over the last 12 weeks.
      </p>
    );
  }

  return (
    <div class="rv-progress">
      <div class="rv-trends">
        <TrendList
          title="Improving"
          empty="No rule is flagged less than a month ago yet."
          items={p.improving}
          ruleName={ruleName}
          describe={(t) => `${t.after} in the last 4 weeks, down from ${t.before}`}
        />
        <TrendList
          title="Still frequent"
          empty="Nothing flagged in the last 4 weeks."
          items={p.stillFrequent}
          ruleName={ruleName}
          describe={(t) => `${t.after} in the last 4 weeks`}
        />
      </div>
      <ChartFigure
        id="rv-chart-flags"
        title="Flags per rule per week"
        weeks={p.weeks}
        series={flagSeries}
        format={whole}
        integer
      />
      <ChartFigure
        id="rv-chart-fixed"
        title="Fix rate per week"
        note="Findings you fixed, out of all you saw."
        weeks={p.weeks}
        series={fixSeries}
        format={percent}
        yRange={PERCENT_RANGE}
      />
      <ChartFigure
        id="rv-chart-score"
        title="Average tone score per week"
        note="100 means nothing to coach."
        weeks={p.weeks}
        series={scoreSeries}
        format={whole}
        yRange={PERCENT_RANGE}
      />
    </div>
  );
}

function TrendList(props: {
  title: string;
  empty: string;
  items: RuleTrend[];
  ruleName(id: string): string;
  describe(t: RuleTrend): string;
}) {
  const id = `rv-trend-${props.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section class="rv-trend" aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.items.length === 0 ? (
        <p class="rv-muted">{props.empty}</p>
      ) : (
        <ol>
          {props.items.map((t) => (
            <li key={t.ruleId} data-rule-id={t.ruleId}>
              <strong>{props.ruleName(t.ruleId)}</strong> <span class="rv-muted">{props.describe(t)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ChartFigure(props: {
  id: string;
  title: string;
  note?: string;
  weeks: number[];
  series: ChartSeries[];
  format(v: number): string;
  yRange?: [number, number];
  integer?: boolean;
}) {
  return (
    <figure class="rv-figure" id={props.id} aria-labelledby={`${props.id}-title`}>
      <figcaption>
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        {props.note && <p class="rv-muted">{props.note}</p>}
      </figcaption>
      <Chart
        label={`${props.title}, last 12 weeks (the table below has the figures)`}
        x={props.weeks}
        series={props.series}
        format={props.format}
        yRange={props.yRange}
        integer={props.integer}
      />
      <details class="rv-table">
        <summary>Show the figures</summary>
        <table>
          <caption class="rv-sr-only">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {props.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.weeks.map((w, i) => (
              <tr key={w}>
                <th scope="row">{shortDate(w)}</th>
                {props.series.map((s) => {
                  const v = s.values[i];
                  return <td key={s.label}>{v == null ? '–' : props.format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
