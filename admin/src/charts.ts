import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

// Only what the charts use: bar charts on canvas with axes and tooltips. Imported by chart
// pages only, which the router loads lazily, so the first screen never carries ECharts.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export { echarts }
