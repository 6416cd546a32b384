import type { CosignerChoice } from '../../services/suggestions/suggestion-cosigning.js'

/**
 * A deputy 邀请附议's picker offers: his id (what cosign-invitation's `deputyIds` takes), name, level and home station,
 * as his public card shows them; never a phone.
 */
export const presentCosignerChoice = (c: CosignerChoice) => ({
  deputyId: c.deputyId,
  name: c.name,
  levelLabel: c.levelLabel,
  stationName: c.stationName,
})
