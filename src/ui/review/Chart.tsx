import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a chart; its colour is a CSS custom property, so the theme decides it. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A custom property on the page, e.g. `--rv-series-0`. */
  colorVar: string;
  /** Dashes for series beyond the palette, so two lines of one colour still differ. */
  dash?: number[];
}

export interface ChartProps {
  /** Accessible name of the drawing (the data table beside it is the text alternative). */
  label: string;
  /** Week starts, epoch ms. */
  x: number[];
  series: ChartSeries[];
  /** Fixed y range (percentages, scores); counts start at 0 and grow. */
  yRange?: [number, number];
  /** How a y value is written on the axis and in the legend. */
  format?: (v: number) => string;
  height?: number;
  /** Counts: ticks at whole numbers only. */
  integer?: boolean;
}

/** Tick steps for counts: never a half flag. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

const DARK = '(prefers-color-scheme: dark)';

/** A custom property's value on `el`, or `fallback`. */
function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** A uPlot line chart over weeks. Axis, grid and series colours come from CSS, so light and dark both read. */
export function Chart({ label, x, series, yRange, format = (v) => String(v), height = 220, integer }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const seconds = x.map((t) => Math.round(t / 1000));
    const draw = () => {
      plot?.destroy();
      const axis = cssVar(el, '--rv-axis', '#474e5c');
      const grid = cssVar(el, '--rv-grid', '#d5dae1');
      const axisStyle: uPlot.Axis = {
        stroke: axis,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
      };
      plot = new uPlot(
        {
          width: Math.max(280, el.clientWidth || 640),
          height,
          scales: {
            x: { time: true },
            y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] },
          },
          axes: [
            // One tick per week, at the week's start: the points the lines join.
            { ...axisStyle, splits: () => seconds, values: (_u, ticks) => ticks.map((t) => shortDate(t * 1000)) },
            {
              ...axisStyle,
              values: (_u, ticks) => ticks.map(format),
              size: 48,
              incrs: integer ? WHOLE_STEPS : undefined,
            },
          ],
          series: [
            { label: 'Week of', value: (_u, v) => (v == null ? '' : shortDate(v * 1000)) },
            ...series.map(
              (s): uPlot.Series => ({
                label: s.label,
                stroke: cssVar(el, s.colorVar, axis),
                width: 2,
                dash: s.dash,
                spanGaps: false,
                points: { show: true, size: 5 },
                value: (_u, v) => (v == null ? '–' : format(v)),
              }),
            ),
          ],
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
        },
        [seconds, ...series.map((s) => s.values)] as uPlot.AlignedData,
        el,
      );
    };
    draw();
    // The theme can change while the page is open: the colours are read again.
    const media = typeof matchMedia === 'function' ? matchMedia(DARK) : null;
    media?.addEventListener('change', draw);
    const resize =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => plot?.setSize({ width: Math.max(280, el.clientWidth || 640), height }))
        : null;
    resize?.observe(el);
    return () => {
      media?.removeEventListener('change', draw);
      resize?.disconnect();
      plot?.destroy();
    };
  }, [x, series, yRange, format, height, integer]);

  return <div ref={box} class="rv-chart" role="img" aria-label={label} />;
}

/** "12 Jan", in the browser's language. */
export function shortDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
