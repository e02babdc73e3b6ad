import { AgencyCatalogue } from '@tdnv/agencies';
import { Actor } from '@tdnv/domain';
import { Appendix, AppendixRequest, buildAppendix, PROJECTIONS, runProjection } from '@tdnv/read-models';
import { CONTEXT, LogAndReadModels } from '../read-models/read-model.fixtures';
import { registerSeedReport, RegisteredSeed } from './seed-appendix.fixtures';

const catalogue = AgencyCatalogue.load();
const groups = new Map(catalogue.groups().map((g) => [g.code, g.name]));
/** The catalogue's names, as the API gives them to the appendix. */
export const NAMES = { agency: (code: string) => catalogue.get(code)?.name, group: (code: string) => groups.get(code) };
export const VPCP: Actor = { id: 'v', role: 'vpcp' };
export const ATTACHED_TO = 'Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ';

/** Seed 000's report registered in a fresh log and projected into fresh read models. */
export class SeedAppendixWorld {
  private readonly world: LogAndReadModels;
  seed!: RegisteredSeed;

  constructor(dialect: 'sqlite' | 'postgres' = 'sqlite') {
    this.world = new LogAndReadModels(dialect);
  }

  async open(): Promise<void> {
    const { store, rm } = await this.world.open();
    this.seed = await registerSeedReport(store, {
      prefix: '000_',
      noticeId: '2021-10-bc-btttt',
      number: '10/BC-BTTTT',
      on: '2021-03-01',
      title: 'Tình hình thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ',
    });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT);
  }

  appendix(request: Partial<AppendixRequest> = {}): Promise<Appendix> {
    return buildAppendix(this.world.rm!.db, VPCP, { today: '2021-03-01', deadline: 'current', attachedTo: ATTACHED_TO, ...request }, NAMES);
  }

  close(): Promise<void> {
    return this.world.close();
  }
}

/** The pages of the seed's own appendix: each one starts with the repeated header row. */
export const sourcePages = (text: string): number => (text.match(/^TT\tNội dung công việc\tCơ quan chủ trì/gmu) ?? []).length;
