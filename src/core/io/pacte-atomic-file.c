/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-atomic-file.c: write beside, check everything, rename (see the header).
 *
 * Not g_file_replace_contents(): in GLib 2.74 a failed write (ENOSPC) still
 * closes the replace stream, and that close renames the partial temporary
 * file over the original; and when the folder is not writable it rewrites
 * the file in place, which a kill truncates. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pacte-atomic-file.h"
#include "pacte-i18n.h"

#define WRITE_CHUNK        (1024 * 1024)
#define TEMP_RANDOM_LEN    6
#define TEMP_NAME_MAX_BASE 120  /* bytes of the target's name kept in the temporary name */

/* ---- Temporary files to remove on a signal --------------------------------
 * A fixed table the handler can read without locks or allocation: a slot is
 * FREE, being FILLED by its writer, or READY (its path is complete). */

enum { SLOT_FREE, SLOT_FILLED, SLOT_READY };
#define N_SLOTS 8

static struct {
  volatile gint state;
  char          path[PATH_MAX];
} signal_slots[N_SLOTS];

static int
slot_register (const char *path)
{
  if (strlen (path) >= PATH_MAX)
    return -1;
  for (int i = 0; i < N_SLOTS; i++)
    if (g_atomic_int_compare_and_exchange (&signal_slots[i].state, SLOT_FREE, SLOT_FILLED))
      {
        strcpy (signal_slots[i].path, path);
        g_atomic_int_set (&signal_slots[i].state, SLOT_READY);
        return i;
      }
  return -1;
}

static void
slot_release (int slot)
{
  if (slot >= 0)
    g_atomic_int_set (&signal_slots[slot].state, SLOT_FREE);
}

static void
on_fatal_signal (int sig)
{
  /* Only async-signal-safe calls here: unlink, sigaction, raise. */
  struct sigaction dfl;

  for (int i = 0; i < N_SLOTS; i++)
    if (g_atomic_int_get (&signal_slots[i].state) == SLOT_READY)
      unlink (signal_slots[i].path);
  memset (&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset (&dfl.sa_mask);
  sigaction (sig, &dfl, NULL);
  raise (sig);
}

void
pacte_atomic_remove_temp_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old, sa;

      if (sigaction (signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
        continue;
      memset (&sa, 0, sizeof sa);
      sa.sa_handler = on_fatal_signal;
      sigemptyset (&sa.sa_mask);
      sigaction (signals[i], &sa, NULL);
    }
}

/* ---- Leftovers of killed runs --------------------------------------------- */

static gboolean
is_our_temp_name (const char *name)
{
  gsize prefix = strlen (PACTE_ATOMIC_TEMP_PREFIX);

  if (strncmp (name, PACTE_ATOMIC_TEMP_PREFIX, prefix) != 0 || strlen (name) < prefix + TEMP_RANDOM_LEN + 1)
    return FALSE;
  for (int i = 0; i < TEMP_RANDOM_LEN; i++)
    if (!g_ascii_isalnum (name[prefix + i]))
      return FALSE;
  return name[prefix + TEMP_RANDOM_LEN] == '-';
}

static gboolean
is_glib_temp_name (const char *name)
{
  /* GLib's replace: ".goutputstream-" and six characters from mkstemp. */
  return g_str_has_prefix (name, ".goutputstream-") && strlen (name) == strlen (".goutputstream-") + 6;
}

/* A GLib temporary file is only ours when it holds a Pacte file: a
 * portfolio or a draft description ({"format": "pacte-…"} at its start). */
static gboolean
holds_pacte_file (int dir_fd,
                  const char *name)
{
  char head[96];
  ssize_t n;
  int fd = openat (dir_fd, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  close (fd);
  if (n <= 0)
    return FALSE;
  head[n] = '\0';
  return g_str_has_prefix (head, "{\n  \"format\"") && strstr (head, "\"pacte-") != NULL;
}

guint
pacte_atomic_clean_leftovers (const char *dir)
{
  DIR *d;
  struct dirent *entry;
  time_t now = time (NULL);
  uid_t uid = geteuid ();
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  d = opendir (dir);
  if (d == NULL)
    return 0;
  while ((entry = readdir (d)) != NULL)
    {
      struct stat st;
      gboolean ours = is_our_temp_name (entry->d_name);

      if (!ours && !is_glib_temp_name (entry->d_name))
        continue;
      if (fstatat (dirfd (d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISREG (st.st_mode) || st.st_uid != uid
          || now - st.st_mtime < PACTE_ATOMIC_LEFTOVER_AGE)
        continue;
      if (!ours && !holds_pacte_file (dirfd (d), entry->d_name))
        continue;
      if (unlinkat (dirfd (d), entry->d_name, 0) == 0)
        removed++;
    }
  closedir (d);
  return removed;
}

/* ---- Errors ---------------------------------------------------------------- */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* ---- The atomic file ------------------------------------------------------- */

struct _PacteAtomicFile
{
  char             *target;     /* the real file (links followed) */
  char             *dir;
  char             *temp;
  int               fd;
  int               slot;
  gboolean          exists;
  gboolean          committed;
  PacteAtomicFlags  flags;
};

static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("it is a folder");
  if (S_ISFIFO (mode))
    return _("it is a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device");
  if (S_ISSOCK (mode))
    return _("it is a socket");
  return _("it is not a regular file");
}

static char *
temp_name_in (const char *dir,
              const char *base)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *name = NULL;
  char random[TEMP_RANDOM_LEN + 1];
  gsize base_len = strlen (base);

  for (int i = 0; i < TEMP_RANDOM_LEN; i++)
    random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random[TEMP_RANDOM_LEN] = '\0';
  name = g_strdup_printf (PACTE_ATOMIC_TEMP_PREFIX "%s-%.*s", random,
                          (int) MIN (base_len, TEMP_NAME_MAX_BASE), base);
  return g_build_filename (dir, name, NULL);
}

/* Creates a new temporary file with O_EXCL; -1 and errno on failure. */
static int
create_temp (const char  *dir,
             const char  *base,
             mode_t       mode,
             char       **path_out)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *path = temp_name_in (dir, base);
      int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, mode);

      if (fd >= 0)
        {
          *path_out = g_steal_pointer (&path);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

PacteAtomicFile *
pacte_atomic_file_new (GFile             *target,
                       PacteAtomicFlags   flags,
                       GError           **error)
{
  g_autoptr(PacteAtomicFile) self = NULL;
  g_autofree char *base = NULL;
  const char *path;
  struct stat st;
  mode_t mode;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (target);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("only a file on this computer can be written (not a remote location)"));
      return NULL;
    }

  self = g_new0 (PacteAtomicFile, 1);
  self->fd = -1;
  self->slot = -1;
  self->flags = flags;

  if (lstat (path, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          /* The link stays: the file it points to is the one replaced. */
          char *real = realpath (path, NULL);

          if (real == NULL || stat (real, &st) != 0)
            {
              int saved = errno;

              free (real);
              set_errno_error (error, saved, _("cannot follow the symbolic link"));
              return NULL;
            }
          self->target = g_strdup (real);
          free (real);
        }
      else
        self->target = g_strdup (path);
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR,
                       S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s; expected a regular file"), file_kind (st.st_mode));
          return NULL;
        }
      self->exists = TRUE;
      mode = st.st_mode & 07777;
    }
  else if (errno == ENOENT)
    {
      self->target = g_strdup (path);
      mode = (flags & PACTE_ATOMIC_PRIVATE) ? 0600 : 0666;
    }
  else
    {
      set_errno_error (error, errno, _("cannot look at the file"));
      return NULL;
    }

  self->dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  pacte_atomic_clean_leftovers (self->dir);

  self->fd = create_temp (self->dir, base, mode, &self->temp);
  if (self->fd < 0)
    {
      int saved = errno;
      g_autofree char *dir_display = g_filename_display_name (self->dir);

      if (saved == EACCES || saved == EPERM || saved == EROFS)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("the folder “%s” is not writable (%s): Pacte writes a new file beside the old one "
                       "and never rewrites a file in place"),
                     dir_display, g_strerror (saved));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("cannot create a temporary file in the folder “%s”: %s"),
                     dir_display, g_strerror (saved));
      return NULL;
    }
  self->slot = slot_register (self->temp);

  if (self->exists)
    {
      /* The creation mode went through the umask: give the exact mode, and
       * the owner and group when allowed (root saving someone's file). */
      if (fchmod (self->fd, mode) != 0)
        {
          set_errno_error (error, errno, _("cannot set the permissions of the new file"));
          return NULL;
        }
      if (st.st_uid != geteuid () || st.st_gid != getegid ())
        {
          if (fchown (self->fd, st.st_uid, st.st_gid) != 0)
            {
              /* Not allowed: the new file is ours.  Harmless. */
            }
        }
    }
  return g_steal_pointer (&self);
}

const char *
pacte_atomic_file_get_temp_path (PacteAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp;
}

gboolean
pacte_atomic_file_write (PacteAtomicFile  *self,
                         const void       *data,
                         gsize             len,
                         GCancellable     *cancellable,
                         GError          **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (len > 0)
    {
      ssize_t written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      written = write (self->fd, p, MIN (len, WRITE_CHUNK));
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, _("writing failed"));
        }
      if (written == 0)
        return set_errno_error (error, EIO, _("writing failed"));
      p += written;
      len -= (gsize) written;
    }
  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Makes the rename durable; some file systems refuse: not an error. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Keeps the version about to be replaced as FILE~, atomically: a hard link
 * renamed over FILE~ (a copy where links are not possible). */
static gboolean
make_backup (PacteAtomicFile  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autofree char *backup = g_strconcat (self->target, "~", NULL);
  g_autofree char *base = g_path_get_basename (backup);
  g_autofree char *link_path = NULL;
  g_autoptr(GFile) backup_file = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GFile) target_file = NULL;
  g_autoptr(GError) local_error = NULL;

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_clear_pointer (&link_path, g_free);
      link_path = temp_name_in (self->dir, base);
      if (link (self->target, link_path) == 0)
        {
          int slot = slot_register (link_path);
          gboolean ok = rename (link_path, backup) == 0;
          int saved = errno;

          if (!ok)
            unlink (link_path);
          slot_release (slot);
          if (!ok)
            return set_errno_error (error, saved, _("cannot keep the previous version as a backup (FILE~)"));
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  if (errno != EPERM && errno != EOPNOTSUPP && errno != EXDEV && errno != EMLINK && errno != ENOSYS)
    return set_errno_error (error, errno, _("cannot keep the previous version as a backup (FILE~)"));

  /* No hard links here (FAT, some network shares): copy. */
  target_file = g_file_new_for_path (self->target);
  old = g_file_load_bytes (target_file, cancellable, NULL, &local_error);
  backup_file = g_file_new_for_path (backup);
  if (old == NULL || !pacte_atomic_write (backup_file, g_bytes_get_data (old, NULL), g_bytes_get_size (old),
                                          PACTE_ATOMIC_NONE, NULL, cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                  _("cannot keep the previous version as a backup (FILE~)"));
      return FALSE;
    }
  return TRUE;
}

gboolean
pacte_atomic_file_commit (PacteAtomicFile  *self,
                          char            **etag_out,
                          GCancellable     *cancellable,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0 && !self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (fsync (self->fd) != 0 && errno != EINVAL)
    return set_errno_error (error, errno, _("writing to the disk failed"));
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return set_errno_error (error, errno, _("writing to the disk failed"));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->exists && (self->flags & PACTE_ATOMIC_BACKUP) && !make_backup (self, cancellable, error))
    return FALSE;

  if (etag_out != NULL)
    {
      /* The temporary file is the new file (a rename keeps its times). */
      g_autoptr(GFile) temp = g_file_new_for_path (self->temp);
      g_autoptr(GFileInfo) info = g_file_query_info (temp, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      *etag_out = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
    }

  if (rename (self->temp, self->target) != 0)
    {
      int saved = errno;

      if (etag_out != NULL)
        g_clear_pointer (etag_out, g_free);
      return set_errno_error (error, saved, _("cannot put the new file in place"));
    }
  self->committed = TRUE;
  slot_release (self->slot);
  self->slot = -1;
  sync_dir (self->dir);
  return TRUE;
}

void
pacte_atomic_file_free (PacteAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp != NULL && !self->committed)
    unlink (self->temp);
  slot_release (self->slot);
  g_free (self->target);
  g_free (self->dir);
  g_free (self->temp);
  g_free (self);
}

gboolean
pacte_atomic_write (GFile             *target,
                    const void        *data,
                    gsize              len,
                    PacteAtomicFlags   flags,
                    char             **etag_out,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(PacteAtomicFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  file = pacte_atomic_file_new (target, flags, error);
  return file != NULL
         && pacte_atomic_file_write (file, data, len, cancellable, error)
         && pacte_atomic_file_commit (file, etag_out, cancellable, error);
}
