#include "panels/panellogging.h"

Q_LOGGING_CATEGORY(lcPanels, "pharos.panels", QtInfoMsg)
