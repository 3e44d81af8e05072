"""Prometheus metrics exposed on GET /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter("lpo_http_requests_total", "HTTP requests handled", ["route", "status"])
DELEGATIONS = Counter("lpo_delegations_total", "Tasks delegated", ["source", "outcome"])
OUTBOX_DELIVERED = Counter("lpo_outbox_delivered_total", "Outbox messages delivered", ["platform"])
OUTBOX_RETRIED = Counter("lpo_outbox_retries_total", "Outbox delivery attempts that failed",
                         ["platform"])
OUTBOX_FAILED = Counter("lpo_outbox_failed_total", "Outbox messages given up on", ["platform"])
OUTBOX_PENDING = Gauge("lpo_outbox_pending", "Outbox messages waiting for delivery")
DELIVERY_SECONDS = Histogram("lpo_outbox_delivery_seconds", "Time to deliver one message",
                             ["platform"])
JOB_RUNS = Counter("lpo_scheduler_job_runs_total", "Scheduler job runs", ["job"])
