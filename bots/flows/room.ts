import { ApiError, type LiaisonClient } from '../client.js'
import type { Command } from '../commands.js'
import { parseCommand } from '../parse-command.js'

/**
 * A station's WeChat group. The bot stays quiet in groups except for "绑定站点 ST001"
 * from the station's staff, which makes the group the place where the station's
 * notices (campaign pushes, meeting notices, new messages for its staff) arrive.
 */

export interface RoomTurn {
  readonly roomId: string
  /** The group's name, kept with the binding to find the group again after a re-login. */
  readonly topic: string | null
  readonly talker: { contactId: string; alias: string | null; name: string }
  readonly command: Extract<Command, { kind: 'bindRoom' }>
  readonly client: LiaisonClient
  say(text: string): void
}

/** Only a command for the room is worth a call to the backend; group chatter is not. */
export function roomCommand(text: string): RoomTurn['command'] | null {
  const cmd = parseCommand(text)
  return cmd.kind === 'bindRoom' ? cmd : null
}

export async function roomConversation(turn: RoomTurn): Promise<boolean> {
  const person = await turn.client.resolvePerson({ contactId: turn.talker.contactId, alias: turn.talker.alias, name: turn.talker.name })
  try {
    const { station } = await turn.client.bindRoom(person.personId, turn.roomId, turn.command.stationCode, turn.topic)
    turn.say(`本群已绑定到${station.name}（${station.code}）。站点的通知以后会发到这个群里。`)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(err.message)
  }
  return true
}
