# Replaces PyInstaller's own hook for PySide6.QtGui (hooks in packaging/hooks take priority):
# the same collection, minus Qt plugins a desk window never loads. Dropping a plugin here,
# before PyInstaller follows its library dependencies, also keeps out what only it needs
# (the GTK 3 theme alone pulls in cairo, pango, atk and gdk-pixbuf from the build machine).
import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin file names without "lib" and the extension (Linux .so, Windows .dll).
UNUSED_PLUGINS = {
    # platforms: keep xcb, wayland, windows, offscreen (smoke tests); drop the rest
    "qvnc", "qminimal", "qlinuxfb", "qeglfs", "qminimalegl", "qvkkhrdisplay", "qdirect2d",
    # platform themes: the GTK 3 theme (keeps the xdg-desktop-portal one)
    "qgtk3",
    # image formats: the desk shows JPEG/PNG photos; no SVG, PDF, TIFF, WebP, ICNS, TGA, WBMP
    "qsvg", "qsvgicon", "qpdf", "qtiff", "qwebp", "qicns", "qtga", "qwbmp",
    # Wayland: the xdg shell and client-side decorations are what desktops use
    "ivi-shell", "fullscreen-shell-v1", "qt-shell", "wl-shell-plugin",
    "vulkan-server", "dmabuf-server", "drm-egl-server", "shm-emulation-server",
}
UNUSED_PLUGIN_TYPES = {"egldeviceintegrations", "generic", "iconengines"}


def _wanted(entry):
    source, dest = entry
    name = os.path.basename(source).split(".")[0]
    if name.startswith("lib"):
        name = name[3:]
    plugin_type = dest.replace("\\", "/").split("/plugins/", 1)[-1]
    return name not in UNUSED_PLUGINS and plugin_type not in UNUSED_PLUGIN_TYPES


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
if os.environ.get("POSKO_BUNDLE_NO_TRIM") != "1":
    binaries = [entry for entry in binaries if _wanted(entry)]
