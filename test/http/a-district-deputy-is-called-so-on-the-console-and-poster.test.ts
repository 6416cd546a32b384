import { expect } from 'chai'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * 王芳 is a county-level deputy at 轻工街道代表联络站, in 湛河区. 李娜 reads her as people there say it, 区人大代表, where
 * the mini-program already does: on the deputies list and page, in the assign dialog, and under the QR code of the
 * poster she prints for the station's wall. Never the list's 县区人大代表.
 */
describe('a district deputy is called 区人大代表 on the console and on her poster', () => {
  const s = useZhangWeiStation()

  it('the deputies list and page, the assign dialog, the poster', async () => {
    expect((await s.lina.get('/api/admin/deputies/dp0002')).body.levelLabel).to.equal('区人大代表')
    const list = await s.lina.get('/api/admin/deputies?stationId=st001')
    expect(list.body.items.find((d: { id: string }) => d.id === 'dp0002').levelLabel).to.equal('区人大代表')
    expect(list.body.items.find((d: { id: string }) => d.id === 'dp0001').levelLabel, 'a city deputy stays one').to.equal('市人大代表')

    const { id } = await s.written('小区门口的垃圾好几天没人清运')
    const choices = await s.lina.get(`/api/admin/cases/${id}/deputy-choices`)
    expect(choices.status, JSON.stringify(choices.body)).to.equal(200)
    expect(choices.body.items.find((d: { code: string }) => d.code === 'DP0002').levelLabel).to.equal('区人大代表')

    // What the poster draws under the code, line by line (the real renderer, watched on its way to the canvas).
    const renderer = s.app.liaison.services.qrCodes as unknown as { render(scene: string, lines: Array<{ text: string }>): Promise<Buffer> }
    const drawn: string[][] = []
    const render = renderer.render.bind(renderer)
    renderer.render = (scene, lines) => (drawn.push(lines.map((l) => l.text)), render(scene, lines))
    const poster = await s.lina.get('/api/admin/deputies/dp0002/qrcode.png')
    expect(poster.status).to.equal(200)
    expect(drawn).to.deep.equal([['王芳 代表', '区人大代表 · 轻工街道代表联络站', '微信扫一扫，给代表留言']])
  })
})
