"""Run a MkDocs build programmatically (used by ``generator.site.build_site``)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.errors import ConfigError, ContentError
from generator.model import Catalog

# MkDocs' build reports at INFO where it writes (our temporary folder, which is renamed into
# place afterwards: a misleading address) and how long it took (the CLI prints its own
# summary). Exactly these records are dropped while our build runs; every other record, a
# warning above all, passes as MkDocs logs it.
_BUILD_LOGGER = "mkdocs.commands.build"
_QUIET_INFO = (
    "Cleaning site directory",
    "Building documentation to directory: ",
    "Documentation built in ",
)


class QuietBuildInfo(logging.Filter):
    """Drops MkDocs' three build-progress INFO records (``_QUIET_INFO``), nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and isinstance(record.msg, str)
                    and record.msg.startswith(_QUIET_INFO))


def build(config_file: Path, content_dir: Path, site_dir: Path, today: date,
          catalog: Catalog | None = None) -> None:
    """Build the site into ``site_dir`` (which the caller owns and may discard)."""
    quiet = QuietBuildInfo()
    logger = logging.getLogger(_BUILD_LOGGER)  # a logger's filter sees only its own records
    logger.addFilter(quiet)
    try:
        _build(config_file, content_dir, site_dir, today, catalog)
    finally:
        logger.removeFilter(quiet)


def _build(
    config_file: Path, content_dir: Path, site_dir: Path, today: date, catalog: Catalog | None
) -> None:
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
    except (ConfigurationError, Abort) as exc:
        raise ConfigError(f"konfigurasi {config_file} tidak valid: {exc}") from exc
    plugin = config.plugins.get("katalog")
    if plugin is None:
        raise ConfigError(f"{config_file}: plugin `katalog` tidak diaktifkan (plugins: [katalog])")
    plugin.content_override = Path(content_dir).resolve()
    plugin.today = today
    plugin.preloaded = catalog
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (ConfigurationError, PluginError, Abort) as exc:
        cause: BaseException | None = exc
        while cause is not None:  # MkDocs wraps the plugin's PluginError in Abort
            if isinstance(cause, (ContentError, OSError)):
                raise cause from None  # generator.site explains file-system errors
            cause = cause.__cause__ or cause.__context__
        raise ConfigError(f"MkDocs gagal membangun situs: {exc}") from exc
