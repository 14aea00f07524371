#pragma once
// Where an installed Pharos finds the files it ships (the Debian package puts them in
// /usr/share/pharos), and the application icon.
#include <QIcon>
#include <QString>

namespace pharos {

/// The reverse-DNS id of the application (PHAROS_APP_ID): the name of its .desktop file,
/// AppStream metainfo and icon.
QString applicationId();

/// `<prefix>/share/pharos` of the installation holding the executable in `binDir`, or an empty
/// string when there is none (a build tree). Defaults to the running executable's folder.
QString installedDataDir(const QString &binDir = {});

/// The folder of the bundled dashboards: the installed one, else the copy in the resources.
QString bundledDashboardsDir(const QString &binDir = {});

/// The folder of Pharos' own translations (pharos_<locale>.qm): the installed one, else the
/// catalogue compiled into the resources.
QString translationsDir(const QString &binDir = {});

/// The application icon at every size of the hicolor theme it installs (16 to 256 pixels).
QIcon applicationIcon();

} // namespace pharos
