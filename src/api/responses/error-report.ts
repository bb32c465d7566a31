import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** One error report of a controller or satellite (`errorReportList` returns a list of these). */
export class ErrorReport extends RestResponse<Schemas['ErrorReport']> {
  /** When the error happened. */
  get datetime(): Date | undefined {
    return RestResponse.epochMs(this.restData.error_time);
  }

  /** The report id: the file name without `ErrorReport-` and `.log`. */
  get id(): string {
    return (this.restData.filename ?? '').replace(/^ErrorReport-/, '').replace(/\.log$/, '');
  }

  get filename(): string | undefined {
    return this.restData.filename;
  }

  /** The full report text (only when it was requested with `withContent`). */
  get text(): string | undefined {
    return this.restData.text;
  }

  get nodeName(): string | undefined {
    return this.restData.node_name;
  }

  /** python's alias of {@link nodeName}. */
  get nodeNames(): string | undefined {
    return this.nodeName;
  }

  get module(): string | undefined {
    return this.restData.module;
  }

  get version(): string | undefined {
    return this.restData.version;
  }

  get peer(): string | undefined {
    return this.restData.peer;
  }

  get exception(): string | undefined {
    return this.restData.exception;
  }

  get exceptionMessage(): string | undefined {
    return this.restData.exception_message;
  }

  get originFile(): string | undefined {
    return this.restData.origin_file;
  }

  get originMethod(): string | undefined {
    return this.restData.origin_method;
  }

  get originLine(): number | undefined {
    return this.restData.origin_line;
  }

  override toString(): string {
    return `ErrorReport(${this.id})`;
  }
}
