/**
 * HTTP errors pass through as Nest shapes them; anything else is logged with its stack
 * and answered 500 naming the operation that failed.
 */
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import type { ApiRequest } from '../auth/decorators';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<ApiRequest>();
    const response = host.switchToHttp().getResponse<Response>();

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      this.send(response, exception.getStatus(),
        typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }

    const operation = request.operation ?? `${request.method} ${request.path}`;
    const stack = exception instanceof Error ? exception.stack : String(exception);
    this.logger.error(`${operation} failed (${request.method} ${request.originalUrl})`, stack);

    this.send(response, 500, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: `${operation} failed`,
    });
  }

  /** An event stream that already started can only be ended. */
  private send(response: Response, status: number, body: object): void {
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(body);
  }
}
