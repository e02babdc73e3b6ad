import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Observable } from 'rxjs';
import { fieldsOf, requestScope } from './request-log';

/**
 * Runs every route handler inside its request's log scope, so whatever it dispatches can name itself
 * in the request's log line.
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const fields = fieldsOf(context.switchToHttp().getRequest());
    if (!fields) return next.handle();
    return new Observable((subscriber) => requestScope.run(fields, () => next.handle().subscribe(subscriber)));
  }
}

/**
 * Names the command of each request in its log line: the domain command type (`AcknowledgeTask`)
 * or the command's class (`RegisterNotice`), and its task id. The CommandBus has no hook for this,
 * so its `execute` is wrapped once, at start; the wrapper only reads the command.
 */
@Injectable()
export class CommandLogging implements OnModuleInit {
  constructor(private readonly bus: CommandBus) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus);
    this.bus.execute = ((command: object) => {
      const fields = requestScope.getStore();
      if (fields) {
        const { type, taskId } = command as { type?: unknown; taskId?: unknown };
        fields.command = typeof type === 'string' ? type : command.constructor.name.replace(/Command$/, '');
        if (typeof taskId === 'string') fields.taskId = taskId;
      }
      return execute(command as never);
    }) as CommandBus['execute'];
  }
}
