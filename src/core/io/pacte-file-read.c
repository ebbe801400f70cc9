/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-file-read.c: reading a whole file, with limits (see the header). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pacte-file-read.h"
#include "pacte-large-buffer.h"
#include "pacte-i18n.h"

#define READ_BLOCK (1024 * 1024)

char *
pacte_file_display_name (GFile *file)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Not g_file_get_parse_name(): it gives a URI, %-escaped, for a name it
   * finds odd (a control character); the command line escapes those itself. */
  path = g_file_peek_path (file);
  if (path != NULL)
    return g_filename_display_name (path);
  return g_file_get_parse_name (file);
}

static const char *
kind_of (mode_t mode)
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

static gboolean
too_large (GError  **error,
           goffset   size,
           gsize     max_size,
           gboolean  grew)
{
  unsigned long max_mib = (unsigned long) (max_size >> 20);

  if (grew)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _("the file grew past %lu MiB while it was read; expected at most %lu MiB"),
                 max_mib, max_mib);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                 _("the file is %lu MiB; expected at most %lu MiB"),
                 (unsigned long) (size >> 20), max_mib);
  return FALSE;
}

/* GLib's etag of the file, when it is still the one read (same inode, same
 * modification time): the file watch compares it with later ones. */
static char *
etag_if_unchanged (GFile             *file,
                   const struct stat *st)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_UNIX_DEVICE ","
                                                 G_FILE_ATTRIBUTE_UNIX_INODE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL
      || g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE) != (guint32) st->st_dev
      || g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE) != (guint64) st->st_ino
      || g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) != (guint64) st->st_mtim.tv_sec
      || g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) != (guint32) (st->st_mtim.tv_nsec / 1000))
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}

static gboolean
read_local (GFile           *file,
            const char      *path,
            gsize            max_size,
            PacteReadCheck   check,
            gpointer         check_data,
            char           **contents,
            gsize           *length,
            gboolean        *stopped,
            char           **etag_out,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autofree char *buf = NULL;
  gsize len = 0, alloc, expected;
  struct stat st;
  int fd;

  /* O_NONBLOCK: a FIFO with no writer opens at once instead of waiting. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR,
                   S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s; expected a regular file"), kind_of (st.st_mode));
      return FALSE;
    }
  if (st.st_size > 0 && (guint64) st.st_size > max_size)
    {
      close (fd);
      return too_large (error, st.st_size, max_size, FALSE);
    }
  /* A regular file: blocking reads from here. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  /* Grown as the text comes (a file refused at its first block costs one
   * block), up to its size, then beyond only if it grows meanwhile. */
  expected = MIN ((gsize) st.st_size, max_size) + 1;
  alloc = MIN (expected, (gsize) READ_BLOCK);
  buf = g_malloc (alloc + 1);
  for (;;)
    {
      gsize want;
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
      if (len == alloc)
        {
          if (alloc < expected && expected > 4 * (gsize) READ_BLOCK)
            {
              /* A large file past its first block: the rest at once, in
               * memory faulted in 2 MiB pages (pacte-large-buffer.c). */
              char *large = pacte_large_buffer_alloc (expected + 1);

              memcpy (large, buf, len);
              g_free (buf);
              buf = large;
              alloc = expected;
              continue;
            }
          if (alloc < expected)
            alloc = MIN (alloc * 4, expected);
          else
            alloc = MIN (MAX (alloc * 2, (gsize) READ_BLOCK), max_size + 1);
          if (len == alloc)
            {
              close (fd);
              return too_large (error, 0, max_size, TRUE);
            }
          buf = g_realloc (buf, alloc + 1);
        }
      want = MIN (alloc - len, (gsize) READ_BLOCK);
      n = read (fd, buf + len, want);
      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      if (len + (gsize) n > max_size)
        {
          close (fd);
          return too_large (error, 0, max_size, TRUE);
        }
      if (check != NULL && !check (buf, len + (gsize) n, len, check_data))
        {
          len += (gsize) n;
          if (stopped != NULL)
            *stopped = TRUE;
          break;
        }
      len += (gsize) n;
    }
  buf[len] = '\0';
  if (etag_out != NULL)
    {
      struct stat after;

      *etag_out = fstat (fd, &after) == 0 ? etag_if_unchanged (file, &after) : NULL;
    }
  close (fd);
  *contents = g_steal_pointer (&buf);
  if (length != NULL)
    *length = len;
  return TRUE;
}

/* A location without a local path (a remote share through GIO). */
static gboolean
read_stream (GFile           *file,
             gsize            max_size,
             PacteReadCheck   check,
             gpointer         check_data,
             char           **contents,
             gsize           *length,
             gboolean        *stopped,
             char           **etag_out,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      gboolean dir = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;

      g_set_error (error, G_IO_ERROR, dir ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s; expected a regular file"),
                   dir ? _("it is a folder") : _("it is not a regular file"));
      return FALSE;
    }
  if (g_file_info_get_size (info) > 0 && (guint64) g_file_info_get_size (info) > max_size)
    return too_large (error, g_file_info_get_size (info), max_size, FALSE);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  for (;;)
    {
      gsize old = bytes->len;
      gssize n;

      g_byte_array_set_size (bytes, old + READ_BLOCK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + old, READ_BLOCK, cancellable, error);
      if (n < 0)
        return FALSE;
      g_byte_array_set_size (bytes, old + (gsize) n);
      if (n == 0)
        break;
      if (bytes->len > max_size)
        return too_large (error, 0, max_size, TRUE);
      if (check != NULL && !check ((const char *) bytes->data, bytes->len, old, check_data))
        {
          if (stopped != NULL)
            *stopped = TRUE;
          break;
        }
    }
  if (etag_out != NULL)
    {
      g_autoptr(GFileInfo) end = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, NULL, NULL);

      *etag_out = end != NULL ? g_strdup (g_file_info_get_etag (end)) : NULL;
    }
  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

gboolean
pacte_file_read (GFile           *file,
                 gsize            max_size,
                 PacteReadCheck   check,
                 gpointer         check_data,
                 char           **contents,
                 gsize           *length,
                 gboolean        *stopped,
                 char           **etag_out,
                 GCancellable    *cancellable,
                 GError         **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *contents = NULL;
  if (length != NULL)
    *length = 0;
  if (stopped != NULL)
    *stopped = FALSE;
  if (etag_out != NULL)
    *etag_out = NULL;
  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local (file, path, max_size, check, check_data, contents, length, stopped,
                       etag_out, cancellable, error);
  return read_stream (file, max_size, check, check_data, contents, length, stopped,
                      etag_out, cancellable, error);
}
