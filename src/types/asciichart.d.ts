/** Types for asciichart 1.5 (the package ships none). */
declare module 'asciichart' {
  export interface PlotConfig {
    /** Lower and upper bound of the y axis (default: the data's). */
    min?: number;
    max?: number;
    /** Rows of the plot area, minus one (the chart has height + 1 lines). */
    height?: number;
    /** Width of the label column plus the axis. */
    offset?: number;
    /** Label padding used by the default format. */
    padding?: string;
    /** Formats a y label; `index` counts rows from the top. */
    format?: (value: number, index: number) => string;
    /** ANSI colour codes, one per series (cycled). */
    colors?: string[];
    /** The ten drawing characters. */
    symbols?: string[];
  }
  export function plot(series: readonly number[] | readonly (readonly number[])[], config?: PlotConfig): string;
  export const black: string;
  export const red: string;
  export const green: string;
  export const yellow: string;
  export const blue: string;
  export const magenta: string;
  export const cyan: string;
  export const lightgray: string;
  export const darkgray: string;
  export const reset: string;
  const asciichart: { plot: typeof plot };
  export default asciichart;
}
