import { decideTask } from './task.decide';
import { AttachmentRef, TaskEvent } from './task.events';
import { assigned, command, fold, TASK_ID } from '@tdnv/testing';

const ack: TaskEvent = { type: 'TaskAcknowledged', data: { taskId: TASK_ID, by: 'BTC' } };
const FILE: AttachmentRef = { id: 'att-1', name: 'bao-cao.pdf', size: 1234, sha256: 'a'.repeat(64), contentType: 'application/pdf' };

describe('attachments of reports', () => {
  const state = fold([assigned(), ack]);

  it('a completion report records the attachments it names (hash and metadata, no bytes)', () => {
    const [event] = decideTask(command('ReportCompletion', { payload: { attachments: [FILE] } }), state);
    expect(event).toMatchObject({ type: 'CompletionReported', data: { attachments: [FILE] } });
  });

  it('a progress report records them too', () => {
    const [event] = decideTask(command('ReportProgress', { payload: { attachments: [FILE] } }), state);
    expect(event).toMatchObject({ type: 'ProgressReported', data: { attachments: [FILE] } });
  });

  it('a report without attachments has no attachments field, as before', () => {
    const [event] = decideTask(command('ReportCompletion', { payload: { attachments: [] } }), state);
    expect(event.data).not.toHaveProperty('attachments');
  });
});
