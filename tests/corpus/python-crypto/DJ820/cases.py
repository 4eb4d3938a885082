import logging

logger = logging.getLogger(__name__)


def login_view(request, form):
    logger.info("login attempt: %s", request.POST)  # expect: DJ820
    username = form.cleaned_data["username"]
    password = form.cleaned_data["password"]
    logger.warning("failed login for %s with password %s", username, password)  # expect: DJ820
    logger.debug(f"token={request.user.auth_token}")  # expect: DJ820
    logging.info("body: " + request.body.decode())  # expect: DJ820
    logger.error("payload {}".format(request.data))  # expect: DJ820
    log = logging.getLogger("api")
    log.info("key %s", request.POST.get("api_key"))  # expect: DJ820
    logger.info("signup data %s", request.POST.dict())  # expect: DJ820


# ---- safe look-alikes ----

def safe_logs(request, password, token_type):
    logger.info("login attempt for %s", request.POST.get("username", ""))
    logger.info("export archive written by %s", request.user.username)
    logger.info("password length %d", len(password))
    logger.info("token type %s", token_type)
    logger.info("password changed for %s", request.user.pk)
    print("password", password)  # print is not a logger
    messages_log = []
    messages_log.append(password)
