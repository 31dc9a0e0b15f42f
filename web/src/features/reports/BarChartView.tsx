import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * A bar chart of a report's rows (recharts, in its own chunk: loaded after the page and its tables). Drawn for
 * the eye only: the table beside it holds the same numbers for a screen reader and the keyboard, so the chart
 * is hidden from assistive technology and takes no focus.
 */
export default function BarChartView({
  rows,
  xKey,
  series,
  stacked = false,
}: {
  rows: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  stacked?: boolean;
}) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fill: '#1e2b3c' }} />
          <YAxis allowDecimals={false} tick={{ fill: '#1e2b3c' }} width={48} />
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
