// A stand-in for chart.js in the debrief tests (jsdom has no canvas): each Chart records what it would draw.
export class Chart {
  static instances: Chart[] = [];
  /** The layout the next charts report (Chart.js's own: canvas size, radar radius and label boxes); none by default. */
  static layout: { width: number; height: number; scales?: unknown } | null = null;
  static register() {}
  item: unknown;
  config: unknown;
  destroyed = false;
  width = 0;
  height = 0;
  scales?: unknown;
  constructor(item: unknown, config: unknown) {
    this.item = item;
    this.config = config;
    Object.assign(this, Chart.layout ?? {});
    Chart.instances.push(this);
  }
  destroy() {
    this.destroyed = true;
  }
}
const part = {};
export {
  part as BarController,
  part as BarElement,
  part as CategoryScale,
  part as LinearScale,
  part as RadarController,
  part as RadialLinearScale,
  part as PointElement,
  part as LineElement,
  part as Filler,
  part as Tooltip,
  part as Legend,
};
