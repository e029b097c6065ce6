import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Logger } from "pino";
import { RateLimitedError } from "../../graphql/errors";

export interface RateLimitConfig {
  TOKEN_RATE_LIMIT_PER_MINUTE: number;
  IP_RATE_LIMIT_PER_MINUTE: number;
}

/** Failed sign-ins allowed per email and IP before RATE_LIMITED, and the window they count in. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Request budgets: per API token and per IP on /graphql, and failed sign-ins per
 * email+IP. In Redis when REDIS_URL is set (shared by every API process), in memory otherwise.
 */
export class RateLimits {
  private readonly perToken: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly loginFailures: RateLimiterAbstract;

  constructor(config: RateLimitConfig, private readonly logger: Logger, redis: Redis | null, prefix = "crm") {
    const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:${keyPrefix}`, points, duration, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) })
        : new RateLimiterMemory({ keyPrefix: `${prefix}:${keyPrefix}`, points, duration });
    this.perToken = make("rl-token", config.TOKEN_RATE_LIMIT_PER_MINUTE, 60);
    this.perIp = make("rl-ip", config.IP_RATE_LIMIT_PER_MINUTE, 60);
    this.loginFailures = make("rl-login", LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS);
  }

  /** Counts one request of this IP (and token hash, for Bearer requests); RATE_LIMITED when over. */
  async request(ip: string, tokenHash: string | null): Promise<void> {
    await this.consume(this.perIp, ip);
    if (tokenHash) {
      await this.consume(this.perToken, tokenHash);
    }
  }

  /** RATE_LIMITED once this email+IP has failed LOGIN_MAX_FAILURES times in the window. */
  async assertLoginAllowed(email: string, ip: string): Promise<void> {
    const state = await this.safely(() => this.loginFailures.get(loginKey(email, ip)));
    if (state && state.consumedPoints >= LOGIN_MAX_FAILURES) {
      throw new RateLimitedError(retryAfter(state), "Too many failed sign-ins; try again later");
    }
  }

  async loginFailed(email: string, ip: string): Promise<void> {
    await this.safely(() => this.loginFailures.penalty(loginKey(email, ip), 1));
  }

  async loginSucceeded(email: string, ip: string): Promise<void> {
    await this.safely(() => this.loginFailures.delete(loginKey(email, ip)));
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitedError(retryAfter(rejection));
      }
      // The store failed (Redis down without insurance): log and let the request through.
      this.logger.error({ err: rejection }, "rate limiter store failed");
    }
  }

  private async safely<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (err) {
      this.logger.error({ err }, "rate limiter store failed");
      return null;
    }
  }
}

function loginKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
