// The baseline of the HTTP benchmark: a bare Qt HttpServer route answering "hello".
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QHttpServer server;
    server.route(QStringLiteral("/hello"), [] { return QStringLiteral("hello"); });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    if (!port)
        return 1;
    std::printf("Listening on http://127.0.0.1:%u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
