/**
 * The one error hierarchy. Domain and service code throws these; they carry no HTTP
 * status: the error middleware maps them (src/http/middleware/errors.ts).
 */
export interface ErrorDetail {
  /** Where the problem is, e.g. "deputies[17].stationIds[0]" or "body.text". */
  path: string
  message: string
  /** An imported sheet's column as the user's own header row names it (her words, not the path's key). */
  column?: string
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'validation_failed') {
    super(code, message, details)
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = '请先登录', code = 'unauthorized') {
    super(code, message)
  }
}
export class ForbiddenError extends AppError {
  constructor(message = '没有权限执行此操作', code = 'forbidden', details: ErrorDetail[] = []) {
    super(code, message, details)
  }
}
export class NotFoundError extends AppError {
  constructor(message = '未找到', code = 'not_found') {
    super(code, message)
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'conflict') {
    super(code, message, details)
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super('payload_too_large', message)
  }
}
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super('unsupported_media_type', message)
  }
}
/** Understood but not acceptable as a whole, e.g. an import file with problems. */
export class UnprocessableError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'unprocessable') {
    super(code, message, details)
  }
}
export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details: ErrorDetail[] = [],
    code = 'rate_limited',
  ) {
    super(code, message, details)
  }
}
/** The path exists but not with this method; `allowed` becomes the Allow header. */
export class MethodNotAllowedError extends AppError {
  constructor(
    readonly allowed: string,
    message = '不支持这种请求方式',
  ) {
    super('method_not_allowed', message)
  }
}
/** A method the server does not implement at all (TRACE, PROPFIND …). */
export class NotImplementedError extends AppError {
  constructor(message = '服务器不支持这种请求方式') {
    super('not_implemented', message)
  }
}
/** A part the request needs is switched off or unreachable (e.g. WeChat not configured). */
export class ServiceUnavailableError extends AppError {
  constructor(message: string, code = 'service_unavailable') {
    super(code, message)
  }
}
