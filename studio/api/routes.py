"""The API's route table: each endpoint's method, path, request and response models, and its handler.

Handlers only translate: every use case is a ``studio.services`` call (the studio's pages make the same
ones). The same table builds the Starlette routes (``api_routes``) and the OpenAPI description
(studio/api/openapi.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from flashapps.errors import UserError
from gallery import AppView
from generator.generate import clean_idea
from studio import links, services
from studio.api.errors import ApiError, from_user_error
from studio.api.guard import Caller, RequestLimits, acting_as, authenticate
from studio.api.models import (
    AppInfo,
    AppList,
    Cancelled,
    CreateRequest,
    DraftResult,
    EditRequest,
    ErrorResponse,
    JobView,
    LeftOutPart,
    Message,
    Published,
    PublishRequest,
    Stage,
)
from studio.serving.targets import draft_key
from studio.strings import STRINGS
from workshop.jobs import Job
from workshop.makers import Maker, NotYourDraft

__all__ = ["ENDPOINTS", "PREFIX", "Call", "Endpoint", "Query", "api_routes"]

PREFIX = "/api/v1"


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    kind: str = "string"
    default: Any = None


@dataclass
class Call:
    """One request as a handler sees it (already authenticated and parsed)."""

    caller: Caller
    headers: Mapping[str, str]
    params: dict[str, str]
    query: Mapping[str, str]
    body: Any = None
    idempotency_key: str | None = None


Handler = Callable[[Call], tuple[int, BaseModel]]


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    name: str
    summary: str
    handler: Handler
    responses: dict[int, type[BaseModel]]
    refusals: tuple[int, ...] = (401, 429)
    body: type[BaseModel] | None = None
    query: tuple[Query, ...] = ()
    idempotent: bool = False
    description: str = field(default="")


# -- shared pieces -------------------------------------------------------------------------------
def _please_wait(position: int | None) -> Message:
    if position is None:
        return Message(en="Your job is waiting its turn. Please wait; it starts by itself.",
                       zh="你的任务正在排队。请稍候，它会自动开始。")  # fmt: skip
    if position <= 1:
        return Message(en="Your job is next in the queue. Please wait; it starts by itself.",
                       zh="你的任务排在下一个。请稍候，它会自动开始。")  # fmt: skip
    return Message(
        en=f"Many apps are being made right now: {position - 1} ahead of yours. Please wait; it starts by itself.",
        zh=f"现在有很多应用正在生成：你前面还有 {position - 1} 个。请稍候，它会自动开始。",
    )


def _elapsed_ms(job: Job) -> float:
    start = dt.datetime.fromisoformat(job.created_at)
    end = dt.datetime.now(dt.UTC) if job.status in ("queued", "running") else dt.datetime.fromisoformat(job.updated_at)
    return max(0.0, (end - start).total_seconds() * 1000)


def _draft(result: dict[str, Any], headers: Mapping[str, str]) -> DraftResult | None:
    project_id, number = result.get("project"), result.get("version")
    if not isinstance(project_id, str) or not isinstance(number, int):
        return None
    brief = services.projects().version(project_id, number).spec.brief
    return DraftResult(
        draft_id=project_id, version=number, title=brief.title, language=brief.language,
        left_out=[LeftOutPart(part=item.part, reason=item.reason) for item in brief.left_out],
        passed=result.get("passed"), changes=list(result.get("changes", [])),
        not_done=list(result.get("not_done", [])), draft_url=links.app_address(draft_key(project_id), headers),
        studio_url=f"{links.request_base(headers)}/?project={project_id}",
    )  # fmt: skip


def job_view(job: Job, headers: Mapping[str, str]) -> JobView:
    position = services.jobs().position(job.id) if job.status == "queued" else None
    return JobView(
        id=job.id, kind=job.kind, status=job.status, position=position,
        message=_please_wait(position) if job.status == "queued" else None,
        stages=[Stage(stage=e.stage, summary=e.summary, elapsed_ms=e.elapsed_ms, ok=e.ok) for e in job.events],
        elapsed_ms=_elapsed_ms(job), result=_draft(job.result, headers) if job.result else None,
        error=Message(**job.error) if job.error else None, created_at=dt.datetime.fromisoformat(job.created_at),
        url=f"{links.request_base(headers)}{PREFIX}/jobs/{job.id}",
    )  # fmt: skip


def _job(job_id: str) -> Job:
    try:
        return services.jobs().store.get(job_id)
    except UserError:
        raise ApiError.not_found("job", job_id) from None


def _project(project_id: str) -> None:
    try:
        services.projects().get(project_id)
    except UserError:
        raise ApiError.not_found("draft", project_id) from None


def app_info(view: AppView) -> AppInfo:
    return AppInfo(
        slug=view.slug, title=view.title, description=view.description, language=view.language, kind=view.kind,
        category=view.category, tags=list(view.tags), author=view.author, latest_version=view.latest_version,
        like_count=view.like_count, remix_count=view.remix_count, share_url=view.share_url,
        created_at=view.created_at, updated_at=view.updated_at,
    )  # fmt: skip


def _start(call: Call, start: Callable[..., Job], *args: Any, **kwargs: Any) -> JobView:
    """Asks for a job as the token's user; the same ``Idempotency-Key`` from the same token is the same job."""
    key = call.idempotency_key
    with acting_as(call.caller.user):
        job = start(*args, **kwargs, idempotency_key=f"api:{call.caller.token_id}:{key}" if key else None)
    return job_view(_job(job.id), call.headers)


# -- handlers ------------------------------------------------------------------------------------
def create(call: Call) -> tuple[int, BaseModel]:
    clean_idea(call.body.idea)  # an empty idea is refused before it is queued, with the studio's words
    return 202, _start(call, services.start_create, call.body.idea, owner=call.caller.user.username)


def _own_job(call: Call) -> Job:
    """The job in the address, when the token's user asked for it; someone else's is answered as none (an idea
    is its maker's until they publish it)."""
    job = _job(call.params["job_id"])
    if job.actor.get("owner") != call.caller.user.username:
        raise ApiError.not_found("job", job.id)
    return job


def follow(call: Call) -> tuple[int, BaseModel]:
    return 200, job_view(_own_job(call), call.headers)


def cancel(call: Call) -> tuple[int, BaseModel]:
    job = _own_job(call)
    done = services.cancel(job.id, Maker(username=call.caller.user.username))
    return 200, Cancelled(id=job.id, cancelled=done, status=_job(job.id).status)


def edit(call: Call) -> tuple[int, BaseModel]:
    project_id = call.params["draft_id"]
    _project(project_id)
    actor = Maker(username=call.caller.user.username)
    if not services.may_change(project_id, actor):  # refused before a job, as the studio does
        raise from_user_error(NotYourDraft())
    if not call.body.sentence.strip():
        said = STRINGS["empty_change"]
        raise ApiError(422, said["en"], said["zh"])
    return 202, _start(call, services.start_edit, project_id, call.body.sentence, actor)


def publish(call: Call) -> tuple[int, BaseModel]:
    project_id, body = call.params["draft_id"], call.body
    _project(project_id)
    view = services.publish(project_id, call.caller.user, title=body.title, description=body.description,
                            confirm_privacy=body.confirm_privacy)  # fmt: skip
    share = services.share_url(view.slug, call.headers)
    return 200, Published(slug=view.slug, version=view.latest_version, state=view.state, share_url=share,
                          app=app_info(view).model_copy(update={"share_url": share}))  # fmt: skip


def look_up(call: Call) -> tuple[int, BaseModel]:
    view = services.gallery().apps.get_by_slug(call.params["slug"], call.caller.user)
    return 200, app_info(view).model_copy(update={"share_url": services.share_url(view.slug, call.headers)})


def search(call: Call) -> tuple[int, BaseModel]:
    try:
        page = max(1, int(call.query.get("page", "1")))
        size = min(50, max(1, int(call.query.get("page_size", "20"))))
    except ValueError:
        raise ApiError(400, "page and page_size are whole numbers.", "page 和 page_size 须为整数。") from None
    found = services.gallery().browse(call.query.get("q", "")[:200], page=page, page_size=size)
    items = [app_info(v).model_copy(update={"share_url": services.share_url(v.slug, call.headers)})
             for v in found.items]  # fmt: skip
    return 200, AppList(items=items, total=found.total, page=found.page, page_size=found.page_size)


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("POST", "/apps", "createApp", "Make an app from an idea (a job)", create, {202: JobView},
             (400, 401, 422, 429), body=CreateRequest, idempotent=True,
             description="Answers at once with the job; follow it at its url. When many apps are being made, "
                         "the job waits its turn (its position and a please-wait message), never refused."),
    Endpoint("GET", "/apps", "searchApps", "Search the gallery's published apps", search, {200: AppList},
             (400, 401, 429), query=(Query("q", "words to look for (English or Chinese)", default=""),
                                     Query("page", "page number", "integer", 1),
                                     Query("page_size", "apps a page (at most 50)", "integer", 20))),
    Endpoint("GET", "/apps/{slug}", "getApp", "Look up a published app", look_up, {200: AppInfo},
             (401, 404, 429)),
    Endpoint("GET", "/jobs/{job_id}", "getJob", "Follow one of your jobs: its status, stages and result", follow,
             {200: JobView}, (401, 404, 429)),
    Endpoint("DELETE", "/jobs/{job_id}", "cancelJob", "Cancel one of your jobs that has not started", cancel,
             {200: Cancelled}, (401, 404, 429)),
    Endpoint("POST", "/drafts/{draft_id}/edits", "editDraft", "Change a draft with a follow-up sentence (a job)",
             edit, {202: JobView}, (400, 401, 403, 404, 422, 429), body=EditRequest, idempotent=True),
    Endpoint("POST", "/drafts/{draft_id}/publish", "publishDraft", "Publish a draft's checked version", publish,
             {200: Published}, (400, 401, 403, 404, 409, 429), body=PublishRequest),
)  # fmt: skip


# -- the Starlette side --------------------------------------------------------------------------
def _reply(status: int, body: BaseModel, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(body.model_dump(mode="json"), status, headers=dict(headers or {}))


def refusal(error: ApiError) -> Response:
    return _reply(error.status, ErrorResponse(error=Message(**error.messages)), error.headers)


async def _body(request: Request, model: type[BaseModel]) -> BaseModel:
    raw = await request.body()
    try:
        data = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiError.bad_json(str(error)) from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise ApiError.bad_json(f"{where}: {first['msg']}") from None


def _endpoint(endpoint: Endpoint, requests: RequestLimits) -> Callable[[Request], Any]:
    async def handle(request: Request) -> Response:
        try:
            caller = await run_in_threadpool(authenticate, request.headers)
            requests.admit(caller.token_id)
            body = await _body(request, endpoint.body) if endpoint.body is not None else None
            call = Call(
                caller,
                request.headers,
                dict(request.path_params),
                request.query_params,
                body,
                request.headers.get("idempotency-key", "")[:200] or None if endpoint.idempotent else None,
            )
            status, answer = await run_in_threadpool(endpoint.handler, call)
        except ApiError as error:
            return refusal(error)
        except UserError as error:
            return refusal(from_user_error(error))
        except Exception as error:  # nobody planned for it: a reference, the details in the log
            said = services.unexpected(error)
            return refusal(ApiError(500, said.messages["en"], said.messages["zh"]))
        assert isinstance(answer, endpoint.responses[status]), (endpoint.name, status)
        return _reply(status, answer)

    return handle


def api_routes(requests: RequestLimits | None = None) -> list[Route]:
    """The API's routes under ``/api/v1`` (the studio's origin), with its OpenAPI description."""
    from studio.api.openapi import openapi_route

    requests = requests or RequestLimits()
    grouped: dict[str, list[Endpoint]] = {}
    for endpoint in ENDPOINTS:
        grouped.setdefault(endpoint.path, []).append(endpoint)
    routes = [openapi_route()]
    for path, endpoints in grouped.items():
        by_method = {e.method: _endpoint(e, requests) for e in endpoints}

        async def dispatch(request: Request, by_method: dict[str, Callable[[Request], Any]] = by_method) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            if method not in by_method:
                allowed = ", ".join(by_method)
                return refusal(ApiError(405, f"This address takes {allowed} only.", f"这个地址只接受 {allowed}。",
                                        {"Allow": allowed}))  # fmt: skip
            return await by_method[method](request)

        routes.append(Route(PREFIX + path, dispatch, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]))

    async def elsewhere(request: Request) -> Response:
        return refusal(ApiError(404, "There is nothing at this address of the API; see /api/v1/openapi.json.",
                                "API 的这个地址上没有内容；请参阅 /api/v1/openapi.json。"))  # fmt: skip

    routes.append(Route(PREFIX + "/{rest:path}", elsewhere, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]))
    return routes
