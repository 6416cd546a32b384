import type { TransferOptions } from '../../services/cases/case-workflow.js'

/**
 * 转给谁, as the deputy chooses: handing it back first (`deputyCode` null, as 转交 takes it), then
 * each colleague by name, level and station. No phone, no id: a code is what 转交 is given.
 */
export const presentTransferOptions = (o: TransferOptions) => ({
  choices: [
    { kind: o.back.kind, deputyCode: null, name: o.back.name, levelLabel: null, stationName: o.back.kind === 'station' ? o.back.name : null },
    ...o.colleagues.map((d) => ({ kind: 'deputy' as const, deputyCode: d.code, name: d.name, levelLabel: d.levelLabel, stationName: d.stationName })),
  ],
})
