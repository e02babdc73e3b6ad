import { ReadModelApi } from '../read-models/read-model-api.harness';

/**
 * Issue 9, findings 3, 4, 6, 7 and 8, and the authorization matrix: every task endpoint × role ×
 * (public, confidential) × (task, delegated sub-task), through the real HTTP server. The expected
 * table below is written by hand from docs/SECURITY.md, not computed from the policy it checks.
 */
describe('issue 9: authorization', () => {
  const rm = new ReadModelApi('sqlite');
  const api = rm.api;
  const NOTICE = '2026-21-tb-vpcp';
  const task = { public: `${NOTICE}.1.btc`, secret: `${NOTICE}.2.btc` };
  const child = { public: `${task.public}.c1`, secret: `${task.secret}.c1` };
  const UNIT = 'BTC-VU-NSNN';
  const OTHER_UNIT = 'BTC-VU-DT';

  const tokens = {
    vpcp: api.token('vpcp'),
    admin: api.token('admin'),
    viewer: api.token('viewer'),
    lead: api.token('agency', 'BTC'),
    coordinator: api.token('agency', 'BCA'),
    unit: api.token('agency', UNIT),
    unrelated: api.token('agency', 'BYT'),
  };
  type Role = keyof typeof tokens | 'anonymous';
  const ROLES: Role[] = ['vpcp', 'admin', 'viewer', 'lead', 'coordinator', 'unit', 'unrelated', 'anonymous'];
  const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : tokens[role]);

  beforeAll(async () => {
    await rm.start();
    const notice = await api.request('POST', '/api/v1/notices', {
      token: tokens.vpcp,
      body: {
        number: '21/TB-VPCP',
        issuedAt: '2026-03-02',
        title: 'Kết luận của Thủ tướng Chính phủ về điều hành ngân sách',
        trackingOfficer: 'chuyenvien@chinhphu.vn',
        directives: [
          { text: 'Rà soát dự toán chi thường xuyên', lead: ['BTC'], coordinators: ['BCA'], deadline: { due: '2026-09-30' } },
          {
            text: 'Phương án xử lý khoản nợ đặc biệt',
            lead: ['BTC'],
            coordinators: ['BCA'],
            confidential: true,
            deadline: { due: '2026-09-30' },
          },
        ],
      },
    });
    expect(notice.status).toBe(201);
    for (const code of [UNIT, OTHER_UNIT])
      expect(
        (await api.request('POST', '/api/v1/agencies/BTC/units', { token: tokens.lead, body: { code, name: `Vụ ${code}` } })).status,
      ).toBe(201);
    for (const id of [task.public, task.secret]) {
      expect((await api.request('POST', `/api/v1/tasks/${id}/acknowledge`, { token: tokens.lead, body: {} })).status).toBe(200);
      expect(
        (await api.request('POST', `/api/v1/tasks/${id}/delegate`, { token: tokens.lead, body: { agency: UNIT, due: '2026-08-31' } }))
          .status,
      ).toBe(200);
    }
  });
  afterAll(() => rm.dispose());

  const eventCount = async () => (await api.allEvents()).length;

  describe('the matrix', () => {
    type Kind = 'task' | 'secretTask' | 'child' | 'secretChild';
    const ids: Record<Kind, string> = { task: task.public, secretTask: task.secret, child: child.public, secretChild: child.secret };
    /** Who sees what (hand-written): VPCP all; admin and viewer public only; the delegator its sub-tasks. */
    const SEES: Record<Exclude<Role, 'anonymous'>, Kind[]> = {
      vpcp: ['task', 'secretTask', 'child', 'secretChild'],
      admin: ['task', 'child'],
      viewer: ['task', 'child'],
      lead: ['task', 'secretTask', 'child', 'secretChild'],
      coordinator: ['task'],
      unit: ['child', 'secretChild'],
      unrelated: [],
    };
    /** Who may issue each kind of command, per task kind (hand-written). */
    const LEADS: Partial<Record<Role, Kind[]>> = {
      vpcp: ['task', 'secretTask', 'child', 'secretChild'],
      lead: ['task', 'secretTask'],
      unit: ['child', 'secretChild'],
    };
    const PARTICIPATES: Partial<Record<Role, Kind[]>> = { ...LEADS, coordinator: ['task'] };
    const REVIEWS: Partial<Record<Role, Kind[]>> = { vpcp: ['task', 'secretTask', 'child', 'secretChild'], lead: ['child', 'secretChild'] };

    const COMMANDS: { name: string; method: string; path: string; body: object; who: Partial<Record<Role, Kind[]>> }[] = [
      { name: 'acknowledge', method: 'POST', path: 'acknowledge', body: {}, who: LEADS },
      { name: 'decline', method: 'POST', path: 'decline', body: { reason: 'Không thuộc chức năng' }, who: LEADS },
      { name: 'progress', method: 'POST', path: 'progress', body: { note: 'Đã xây dựng dự thảo' }, who: PARTICIPATES },
      {
        name: 'extension request',
        method: 'POST',
        path: 'extension-requests',
        body: { proposedDue: '2026-12-31', reason: 'Chờ ý kiến' },
        who: LEADS,
      },
      { name: 'completion', method: 'POST', path: 'completion', body: { result: 'Đã trình' }, who: LEADS },
      { name: 'delegate', method: 'POST', path: 'delegate', body: { agency: OTHER_UNIT, due: '2026-08-01' }, who: LEADS },
      { name: 'reassign', method: 'POST', path: 'reassign', body: { agency: OTHER_UNIT, reason: 'Giao vụ khác' }, who: REVIEWS },
      { name: 'approve extension', method: 'POST', path: 'extension-requests/current/approve', body: {}, who: REVIEWS },
      { name: 'reject extension', method: 'POST', path: 'extension-requests/current/reject', body: { reason: 'Không' }, who: REVIEWS },
      { name: 'amend deadline', method: 'PUT', path: 'deadline', body: { due: '2026-08-15', reason: 'Điều chỉnh' }, who: REVIEWS },
      { name: 'accept completion', method: 'POST', path: 'completion/accept', body: {}, who: REVIEWS },
      { name: 'return completion', method: 'POST', path: 'completion/return', body: { reason: 'Bổ sung' }, who: REVIEWS },
      { name: 'cancel', method: 'POST', path: 'cancel', body: { reason: 'Không còn phù hợp' }, who: REVIEWS },
    ];
    const KINDS = Object.keys(ids) as Kind[];

    it.each(ROLES)('reads: %s sees exactly its tasks, others answer 404 (401 without a token)', async (role) => {
      for (const kind of KINDS) {
        const expected = role === 'anonymous' ? 401 : SEES[role].includes(kind) ? 200 : 404;
        for (const suffix of ['', '/history']) {
          const answer = await api.request('GET', `/api/v1/tasks/${ids[kind]}${suffix}`, { token: tokenOf(role) });
          expect({ role, kind, suffix, status: answer.status }).toEqual({ role, kind, suffix, status: expected });
        }
      }
    });

    // A stale If-Match makes every permitted command stop at the revision check (409), after the
    // policy: so the order is checked too, and nothing is ever appended.
    it.each(ROLES)('commands: %s gets 404 where it does not see, 403 where it may not act, and never changes anything', async (role) => {
      const before = await eventCount();
      for (const command of COMMANDS) {
        for (const kind of KINDS) {
          const answer = await api.request(command.method, `/api/v1/tasks/${ids[kind]}/${command.path}`, {
            token: tokenOf(role),
            body: command.body,
            headers: { 'if-match': '"999"' },
          });
          const expected = role === 'anonymous' ? 401 : !SEES[role].includes(kind) ? 404 : command.who[role]?.includes(kind) ? 409 : 403;
          expect({ role, command: command.name, kind, status: answer.status }).toEqual({
            role,
            command: command.name,
            kind,
            status: expected,
          });
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
          if (expected !== 409) expect(answer.body.current).toBeUndefined();
        }
      }
      expect(await eventCount()).toBe(before);
    });

    it.each(ROLES.filter((r) => r !== 'anonymous'))('allowedActions: %s is offered only what it may do', async (role) => {
      for (const kind of SEES[role as Exclude<Role, 'anonymous'>]) {
        const view = await api.request('GET', `/api/v1/tasks/${ids[kind]}`, { token: tokenOf(role) });
        const mayDo = COMMANDS.filter((c) => c.who[role]?.includes(kind)).map((c) => c.name);
        const offered: string[] = view.body.allowedActions;
        const names: Record<string, string> = {
          AcknowledgeTask: 'acknowledge',
          DeclineTask: 'decline',
          ReportProgress: 'progress',
          RequestExtension: 'extension request',
          ReportCompletion: 'completion',
          DelegateTask: 'delegate',
          ReassignTask: 'reassign',
          ApproveExtension: 'approve extension',
          RejectExtension: 'reject extension',
          AmendDeadline: 'amend deadline',
          AcceptCompletion: 'accept completion',
          ReturnCompletion: 'return completion',
          CancelTask: 'cancel',
        };
        for (const action of offered)
          expect({ role, kind, mayDo: mayDo.includes(names[action]), action }).toEqual({ role, kind, mayDo: true, action });
      }
    });

    it.each(ROLES.filter((r) => r !== 'anonymous'))('lists, stats and exports: %s counts only what it sees', async (role) => {
      await rm.caughtUp();
      const seen = SEES[role as Exclude<Role, 'anonymous'>].map((k) => ids[k]).sort();
      const list = await api.request('GET', `/api/v1/tasks?noticeId=${NOTICE}&limit=100`, { token: tokenOf(role) });
      expect({ role, items: list.body.items.map((i: { taskId: string }) => i.taskId).sort() }).toEqual({ role, items: seen });
      const stats = await api.request('GET', '/api/v1/stats?groupBy=notice', { token: tokenOf(role) });
      expect({ role, total: stats.body.total.total }).toEqual({ role, total: seen.length });
      const csv = await api.request('GET', `/api/v1/reports/appendix?noticeId=${NOTICE}&format=csv`, { token: tokenOf(role) });
      expect(String(csv.body)).not.toContain('khoản nợ đặc biệt');
      if (!seen.includes(task.public) && !seen.includes(child.public)) expect(String(csv.body)).not.toContain('Rà soát dự toán');
    });
  });

  it('issue 9 finding 3: a coordinator cannot write to a confidential task it cannot see', async () => {
    const before = await eventCount();
    const answer = await api.request('POST', `/api/v1/tasks/${task.secret}/progress`, {
      token: tokens.coordinator,
      body: { note: 'Ghi vào nhiệm vụ mật' },
    });
    expect(answer.status).toBe(404);
    expect(await eventCount()).toBe(before);
    // On the public task the same coordinator still reports progress.
    expect(
      (
        await api.request('POST', `/api/v1/tasks/${task.public}/progress`, {
          token: tokens.coordinator,
          body: { note: 'Bộ Công an đã góp ý' },
        })
      ).status,
    ).toBe(200);
  });

  it('issue 9 finding 4: a delegating agency moves a sub-task only among its own units, within the parent deadline', async () => {
    const before = await eventCount();
    const tryReassign = (agency: string) =>
      api.request('POST', `/api/v1/tasks/${child.public}/reassign`, { token: tokens.lead, body: { agency, reason: 'Chuyển' } });
    expect((await tryReassign('BXD')).status).toBe(403);
    expect((await tryReassign('ALL_PROVINCES')).status).toBeGreaterThanOrEqual(400);
    const late = await api.request('PUT', `/api/v1/tasks/${child.public}/deadline`, {
      token: tokens.lead,
      body: { due: '2026-12-31', reason: 'Lùi hạn' },
    });
    expect(late.status).toBe(400);
    expect(late.body.detail).toContain('30/09/2026');
    expect(await eventCount()).toBe(before);
    // Within bounds it works: another of its own units, a date before the parent's.
    expect(
      (
        await api.request('PUT', `/api/v1/tasks/${child.public}/deadline`, {
          token: tokens.lead,
          body: { due: '2026-09-15', reason: 'Điều chỉnh' },
        })
      ).status,
    ).toBe(200);
    expect((await tryReassign(OTHER_UNIT)).status).toBe(200);
    expect(
      (
        await api.request('POST', `/api/v1/tasks/${child.public}/reassign`, {
          token: tokens.vpcp,
          body: { agency: UNIT, reason: 'Trả lại vụ cũ' },
        })
      ).status,
    ).toBe(200);
  });

  describe('issue 9 finding 6: existence and state leak for confidential tasks', () => {
    it('an outsider gets the same 404 for a confidential task, a public one and one that does not exist', async () => {
      const answers = await Promise.all(
        [task.secret, task.public, `${NOTICE}.9.btc`].map((id) => api.request('GET', `/api/v1/tasks/${id}`, { token: tokens.unrelated })),
      );
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
      expect(answers[0].body.type).toBe(answers[2].body.type);
    });

    it('a stale If-Match from a viewer is a 403 without the current state', async () => {
      const answer = await api.request('POST', `/api/v1/tasks/${task.public}/progress`, {
        token: tokens.viewer,
        body: { note: 'x' },
        headers: { 'if-match': '"0"' },
      });
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toMatch(/revision|acknowledged|in_progress/);
    });

    it('an idempotency replay is not answered to someone who may not act, nor is a reused key revealed', async () => {
      const key = 'bc-finding-6';
      const first = await api.request('POST', `/api/v1/tasks/${task.secret}/progress`, {
        token: tokens.lead,
        body: { note: 'Báo cáo mật' },
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(200);
      const before = await eventCount();
      const replayByOutsider = await api.request('POST', `/api/v1/tasks/${task.secret}/progress`, {
        token: tokens.coordinator,
        body: { note: 'Báo cáo mật' },
        headers: { 'idempotency-key': key },
      });
      expect(replayByOutsider.status).toBe(404);
      const otherBodyByViewer = await api.request('POST', `/api/v1/tasks/${task.public}/progress`, {
        token: tokens.viewer,
        body: { note: 'khác' },
        headers: { 'idempotency-key': key },
      });
      expect(otherBodyByViewer.status).toBe(403);
      expect(await eventCount()).toBe(before);
    });

    it('a notice re-registration by an agency is a 403 that lists no task', async () => {
      const body = { number: '21/TB-VPCP', issuedAt: '2026-03-02', title: 'x', directives: [{ text: 'x', lead: ['BTC'] }] };
      for (const headers of [{}, { 'idempotency-key': 'again' }] as Record<string, string>[]) {
        const answer = await api.request('POST', '/api/v1/notices', { token: tokens.lead, body, headers });
        expect(answer.status).toBe(403);
        expect(JSON.stringify(answer.body)).not.toContain(task.secret);
      }
    });
  });

  it('issue 9 finding 7: a notice is not readable by an agency with no task in it', async () => {
    const outsider = await api.request('GET', `/api/v1/notices/${NOTICE}`, { token: tokens.unrelated });
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('chuyenvien@chinhphu.vn');
    const coordinator = await api.request('GET', `/api/v1/notices/${NOTICE}`, { token: tokens.coordinator });
    expect(coordinator.status).toBe(200);
    expect(coordinator.body.directives.map((d: { text: string }) => d.text)).toEqual(['Rà soát dự toán chi thường xuyên']);
  });

  it('issue 9 finding 8: an admin does not see confidential tasks anywhere', async () => {
    expect((await api.request('GET', `/api/v1/tasks/${task.secret}`, { token: tokens.admin })).status).toBe(404);
    const notice = await api.request('GET', `/api/v1/notices/${NOTICE}`, { token: tokens.admin });
    expect(notice.body.directives.map((d: { text: string }) => d.text)).not.toContain('Phương án xử lý khoản nợ đặc biệt');
    await rm.caughtUp();
    const list = await api.request('GET', `/api/v1/tasks?noticeId=${NOTICE}&limit=100`, { token: tokens.admin });
    expect(list.body.items.map((i: { taskId: string }) => i.taskId)).not.toContain(task.secret);
    const stats = await api.request('GET', `/api/v1/stats?groupBy=notice`, { token: tokens.admin });
    expect(stats.body.total.total).toBe(2);
    const csv = await api.request('GET', `/api/v1/reports/appendix?noticeId=${NOTICE}&format=csv`, { token: tokens.admin });
    expect(String(csv.body)).not.toContain('khoản nợ đặc biệt');
  });
});
