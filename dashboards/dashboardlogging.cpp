#include "dashboards/dashboardlogging.h"

Q_LOGGING_CATEGORY(lcDashboards, "pharos.dashboards", QtInfoMsg)
